package app.rapport.clients.rest;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A token verified once is served from the cache, yet every token still answers for its own user only. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aRepeatedTokenIsVerifiedOnceAndStillOnlyOpensItsOwnUsersClients() {
        String alice = Tokens.of(DemoUsers.ALICE);
        String bilal = Tokens.of(DemoUsers.BILAL);
        String clientId = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Cache\",\"familyName\":\"Test\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        double verifiedBefore = count("verified");
        double cachedBefore = count("cached");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).get("/api/v1/clients/" + clientId)
                    .then().statusCode(200).body("id", equalTo(clientId));
            given().auth().oauth2(bilal).get("/api/v1/clients/" + clientId)
                    .then().statusCode(404);
        }

        assertEquals(1, count("verified") - verifiedBefore, "only bilal's new token needed verifying");
        assertEquals(5, count("cached") - cachedBefore, "alice's token every time, bilal's after the first");
    }

    @Test
    void aTokenDifferingFromACachedOneInItsSignatureIsRefused() {
        String alice = Tokens.of(DemoUsers.ALICE);
        given().auth().oauth2(alice).get("/api/v1/clients").then().statusCode(200);

        char last = alice.charAt(alice.length() - 2);
        String tampered = alice.substring(0, alice.length() - 2) + (last == 'A' ? 'B' : 'A') + alice.charAt(alice.length() - 1);
        given().auth().oauth2(tampered).get("/api/v1/clients")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(alice + "x").get("/api/v1/clients").then().statusCode(401);
    }

    private double count(String result) {
        return metrics.get("rapport.security.verified.tokens").tag("result", result).counter().count();
    }
}
