package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static app.rapport.alliance.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one alliance-service answer with an absolute URL, a new feedback link, builds it from the configured public
 * base URL, whatever the request's {@code Host}, {@code X-Forwarded-*} or {@code Forwarded} headers say.
 */
@QuarkusTest
class PublicUrlsTest {

    @ConfigProperty(name = "rapport.public.base-url")
    String base;

    private static final List<UnaryOperator<RequestSpecification>> FORGERIES = List.of(
            request -> request,
            request -> request.header("Host", "attacker.example"),
            request -> request.header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Port", "666"),
            request -> request.header("Forwarded", "host=attacker.example;proto=http"),
            request -> request.header("Host", "attacker.example:8443").header("X-Forwarded-Host", "other.attacker.example"));

    @Test
    void feedbackLinksStartWithTheConfiguredBaseWhateverTheRequestSays() {
        UUID client = Api.client(DemoUsers.ALICE, DemoUsers.THEO, "en");
        for (int i = 0; i < FORGERIES.size(); i++) {
            Response created = FORGERIES.get(i).apply(as(DemoUsers.THEO)).body(Map.of())
                    .post("/api/v1/alliance/clients/" + client + "/feedback-links");
            assertEquals(201, created.statusCode(), created.asString());
            assertEquals(base + "/feedback/" + created.path("token"), created.path("url"), "forgery " + i);
        }
    }
}
