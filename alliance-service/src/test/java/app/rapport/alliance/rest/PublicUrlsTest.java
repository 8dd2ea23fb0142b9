package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.testing.HostForgeries;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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

    @Test
    void feedbackLinksStartWithTheConfiguredBaseWhateverTheRequestSays() {
        UUID client = Api.client(DemoUsers.ALICE, DemoUsers.THEO, "en");
        for (int i = 0; i < HostForgeries.ALL.size(); i++) {
            Response created = HostForgeries.ALL.get(i).apply(as(DemoUsers.THEO)).body(Map.of())
                    .post("/api/v1/alliance/clients/" + client + "/feedback-links");
            assertEquals(201, created.statusCode(), created.asString());
            assertEquals(base + "/feedback/" + created.path("token"), created.path("url"), "forgery " + i);
        }
    }
}
