package app.rapport.clients.rest;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every check a token must pass, each broken on its own. */
@QuarkusTest
class TokenVerificationTest {

    private static final String BODY = "{\"givenName\":\"Token\",\"familyName\":\"Test\"}";
    private static final TokenSpec ALICE = TokenSpec.of(DemoUsers.ALICE);

    private static void expect401(String token) {
        var request = given().contentType(ContentType.JSON).body(BODY);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.post("/api/v1/clients")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void noToken() {
        expect401(null);
        given().get("/api/v1/clients").then().statusCode(401);
    }

    @Test
    void expiredToken() {
        expect401(Tokens.of(ALICE.expired()));
    }

    @Test
    void wrongIssuer() {
        expect401(Tokens.of(ALICE.withIssuer("https://idp.example.org/realms/other")));
    }

    @Test
    void wrongAudience() {
        expect401(Tokens.of(ALICE.withAudience("some-other-api")));
    }

    @Test
    void signatureFromAKeyTheIssuerDoesNotPublish() {
        expect401(Tokens.withForeignKey(ALICE));
    }

    @Test
    void unsignedToken() {
        expect401(Tokens.unsigned(ALICE));
    }

    @Test
    void garbageToken() {
        expect401("not.a.jwt");
    }

    @Test
    void wrongRoleIsForbidden() {
        given().auth().oauth2(Tokens.of(DemoUsers.SOPHIE)).contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/clients")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(Tokens.of(ALICE.withRoles("therapist"))).contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/clients")
                .then().statusCode(403);
    }

    @Test
    void theValidTokenWorks() {
        given().auth().oauth2(Tokens.of(ALICE)).contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/clients").then().statusCode(201);
    }
}
