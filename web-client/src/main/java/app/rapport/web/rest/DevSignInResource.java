package app.rapport.web.rest;

import app.rapport.web.service.DevelopmentIssuer;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * Sign-in for the local run. The chosen demo user's name (never a token) is kept in an HttpOnly,
 * SameSite=Strict cookie so that a page reload can get a fresh token here while the app itself keeps
 * tokens in memory only. Answers 404 everywhere unless development sign-in is configured.
 */
@Path("/auth/dev")
@Produces(MediaType.APPLICATION_JSON)
public class DevSignInResource {

    static final String COOKIE = "rapport_dev_user";

    public record SignIn(String username) {
    }

    public record Token(String username, String accessToken) {
    }

    private final DevelopmentIssuer issuer;

    DevSignInResource(DevelopmentIssuer issuer) {
        this.issuer = issuer;
    }

    @GET
    @Path("/users")
    public Response users() throws IOException, InterruptedException {
        if (!issuer.enabled()) {
            return disabled();
        }
        return Response.ok(issuer.users()).header("Cache-Control", "no-store").build();
    }

    /** Signs in as a demo user: a token in the answer, the username in the cookie. */
    @POST
    @Path("/session")
    public Response signIn(SignIn body) throws IOException, InterruptedException {
        if (!issuer.enabled()) {
            return disabled();
        }
        if (body == null || body.username() == null || body.username().isBlank()) {
            return Problems.validation("username", "must name a demo user");
        }
        Optional<String> token = issuer.tokenFor(body.username());
        if (token.isEmpty()) {
            return Problems.validation("username", "no demo user '" + body.username() + "'");
        }
        return tokenResponse(body.username(), token.get()).cookie(cookie(body.username(), -1)).build();
    }

    /** A fresh token for the demo user named by the cookie, e.g. after a reload or when the last one expires. */
    @POST
    @Path("/token")
    public Response token(@CookieParam(COOKIE) String username) throws IOException, InterruptedException {
        if (!issuer.enabled()) {
            return disabled();
        }
        Optional<String> token = username == null ? Optional.empty() : issuer.tokenFor(username);
        if (token.isEmpty()) {
            return Problems.of(401, "unauthenticated", "Not signed in", "Choose a demo user to sign in");
        }
        return tokenResponse(username, token.get()).build();
    }

    @DELETE
    @Path("/session")
    public Response signOut() {
        if (!issuer.enabled()) {
            return disabled();
        }
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private static Response.ResponseBuilder tokenResponse(String username, String token) {
        return Response.ok(new Token(username, token)).header("Cache-Control", "no-store");
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/auth/dev").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static Response disabled() {
        return Problems.of(404, "not-found", "Not found", "Development sign-in is not enabled");
    }
}
