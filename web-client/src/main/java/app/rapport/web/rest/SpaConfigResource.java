package app.rapport.web.rest;

import app.rapport.web.config.WebClientConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the single-page app needs to know before it can sign anyone in. Public: it holds nothing secret. */
@Path("/config.json")
public class SpaConfigResource {

    public record SpaConfig(String authMode, String oidcAuthority, String clientId) {
    }

    private final WebClientConfig config;

    SpaConfigResource(WebClientConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        var auth = config.auth();
        return Response.ok(new SpaConfig(auth.mode().name(), auth.oidcAuthority().orElse(null), auth.clientId()))
                .build();
    }
}
