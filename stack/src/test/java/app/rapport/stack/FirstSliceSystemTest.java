package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The first slice across process boundaries: the four services as separate JVMs on real
 * PostgreSQL and a real Kafka broker. A case manager registers a client in client-service; the
 * event leaves through the outbox, notification-service consumes it, and the case manager's inbox
 * shows it. Last, the local run's demo data loads through all four APIs and its alliance stories show in the
 * case manager's caseload view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstSliceSystemTest {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        platform = Platform.start(PlatformOptions.freePorts(Path.of("target", "system-test").toAbsolutePath(), repository));
        System.out.printf("System test: all four services ready in %.1f s%n", platform.readyIn().toMillis() / 1000.0);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static RequestSpecification as(DemoUser user, String service) {
        return given().baseUri(platform.serviceUrl(service))
                .auth().oauth2(platform.issuer().tokenFor(user))
                .contentType(ContentType.JSON);
    }

    private static List<String> inbox(DemoUser user) {
        return as(user, "notification-service").get("/api/v1/notifications/inbox?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.clientId", String.class);
    }

    @Test
    @Order(1)
    void aRegisteredClientAppearsInTheRegisteringCaseManagersInbox() {
        long started = System.nanoTime();
        var created = as(DemoUsers.ALICE, "client-service")
                .body("{\"givenName\":\"Nadia\",\"familyName\":\"Kowalczyk\",\"dateOfBirth\":\"1990-07-21\"}")
                .post("/api/v1/clients")
                .then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("id");
        String reference = created.getString("reference");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
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
    @Order(2)
    void everyServiceIsReadyAndRefusesCallsWithoutAToken() {
        for (String service : List.of("client-service", "session-service", "alliance-service", "notification-service")) {
            given().baseUri(platform.serviceUrl(service)).get("/q/health/ready").then().statusCode(200);
        }
        given().baseUri(platform.serviceUrl("client-service")).get("/api/v1/clients").then().statusCode(401);
        given().baseUri(platform.serviceUrl("notification-service")).get("/api/v1/notifications/inbox").then().statusCode(401);
    }

    /** Runs last: the demo fills the case managers' inboxes, which the first test reads. */
    @Test
    @Order(3)
    void theDemoAllianceStoriesShowInTheCaseloadView() throws Exception {
        List<DemoData.CreatedClient> created = new DemoData(platform.issuer(), platform.serviceUrl("client-service")).load();
        List<DemoSessions.BookedSeries> series = new DemoSessions(platform.issuer(), platform.serviceUrl("session-service"),
                platform.serviceUrl("client-service")).book(created);
        // The loader checks each story it promises and throws if one did not come out; the view is checked here too.
        List<DemoAlliance.Story> stories = new DemoAlliance(platform.issuer(), platform.serviceUrl("alliance-service"))
                .load(created, series);

        Map<String, String> clientOf = new java.util.HashMap<>();
        stories.forEach(story -> clientOf.putIfAbsent(story.story(), story.client().id())); // alice's come first
        String theo = DemoUsers.THEO.userId();
        var caseload = as(DemoUsers.ALICE, "alliance-service").get("/api/v1/alliance/caseload").then().statusCode(200);
        String vShaped = "clients.find { it.clientId == '" + clientOf.get("v-shaped-repair") + "' }";
        caseload.body(vShaped + ".status", equalTo("steady"))
                .body(vShaped + ".pairs.find { it.professionalId == '" + theo + "' }.repairedEpisodes", equalTo(1))
                .body(vShaped + ".pairs.find { it.professionalId == '" + theo + "' }.latestTotal", equalTo(36.0f))
                .body("clients.find { it.clientId == '" + clientOf.get("unrepaired-decline") + "' }.status", equalTo("rupture-open"))
                .body("clients.find { it.clientId == '" + clientOf.get("ceiling-vs-professional-low") + "' }.status",
                        equalTo("rupture-open"))
                .body("clients.find { it.clientId == '" + clientOf.get("feedback-overdue") + "' }.feedbackOverdue", equalTo(true))
                .body("clients.find { it.clientId == '" + clientOf.get("steady-strong") + "' }.openEpisodes", equalTo(0));

        List<Float> trend = as(DemoUsers.ALICE, "alliance-service")
                .get("/api/v1/alliance/clients/" + clientOf.get("v-shaped-repair") + "/trend").then().statusCode(200)
                .extract().jsonPath().getList("pairs.find { it.professionalId == '" + theo + "' }.clientRatings.total", Float.class);
        float lowest = trend.stream().min(Float::compare).orElseThrow();
        assertEquals(27f, lowest, "the V's low point");
        assertEquals(36f, trend.get(trend.size() - 1), "recovered to where it was");
    }
}
