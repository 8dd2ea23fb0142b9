package app.rapport.clients.support;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls to client-service as one of the demo users, and the set-up most tests start from. */
public final class Api {

    private Api() {
    }

    public static String token(DemoUser user) {
        return Tokens.of(user);
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** Registers a client as {@code caseManager}; returns its id. */
    public static UUID register(DemoUser caseManager, String givenName, String familyName) {
        String id = as(caseManager)
                .body(Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", "1984-03-09"))
                .post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Adds a professional from the demo directory to the client's care circle; returns the member id. */
    public static UUID addToCircle(DemoUser by, UUID clientId, DemoUser professional, String role) {
        DemoDirectory.ensureLoaded();
        String id = as(by).body(Map.of("role", role, "userId", professional.userId()))
                .post("/api/v1/clients/" + clientId + "/care-circle")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
