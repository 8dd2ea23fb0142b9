package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The first slice across process boundaries: the four services as separate JVMs on real
 * PostgreSQL and a real Kafka broker. A case manager registers a client in client-service; the
 * event leaves through the outbox, notification-service consumes it, and the case manager's inbox
 * shows it.
 */
@ExtendWith(SystemPlatform.class)
@Order(1)
class FirstSliceSystemTest {

    private static RequestSpecification as(DemoUser user, String service) {
        Platform platform = SystemPlatform.platform();
        return given().baseUri(platform.serviceUrl(service))
                .auth().oauth2(platform.issuer().tokenFor(user))
                .contentType(ContentType.JSON);
    }

    private static List<String> inbox(DemoUser user) {
        return as(user, "notification-service").get("/api/v1/notifications/inbox?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.clientId", String.class);
    }

    @Test
    void aRegisteredClientAppearsInTheRegisteringCaseManagersInbox() {
        long started = System.nanoTime();
        var created = as(DemoUsers.ALICE, "client-service")
                .body("{\"givenName\":\"Nadia\",\"familyName\":\"Kowalczyk\",\"dateOfBirth\":\"1990-07-21\"}")
                .post("/api/v1/clients")
                .then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("id");
        String reference = created.getString("reference");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
                .until(() -> inbox(DemoUsers.ALICE).contains(clientId));
        System.out.printf("System test: notification visible %d ms after the registration request was sent%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        as(DemoUsers.ALICE, "notification-service").get("/api/v1/notifications/inbox?size=100")
                .then().statusCode(200).body("items.find { it.clientId == '" + clientId + "' }.title",
                        containsString(reference));
        assertEquals(1, inbox(DemoUsers.ALICE).stream().filter(clientId::equals).count(), "delivered once");
        assertFalse(inbox(DemoUsers.BILAL).contains(clientId), "another team's case manager is not told");
    }

    @Test
    void everyServiceIsReadyAndRefusesCallsWithoutAToken() {
        for (String service : List.of("client-service", "session-service", "alliance-service", "notification-service")) {
            given().baseUri(SystemPlatform.platform().managementUrl(service)).get("/q/health/ready").then().statusCode(200);
        }
        given().baseUri(SystemPlatform.platform().serviceUrl("client-service")).get("/api/v1/clients").then().statusCode(401);
        given().baseUri(SystemPlatform.platform().serviceUrl("notification-service")).get("/api/v1/notifications/inbox")
                .then().statusCode(401);
    }
}
