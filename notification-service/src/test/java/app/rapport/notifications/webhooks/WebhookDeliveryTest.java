package app.rapport.notifications.webhooks;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.notifications.routing.EventSamples;
import app.rapport.notifications.support.Inboxes;
import app.rapport.notifications.support.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed webhooks to a real HTTP receiver on loopback that fails, hangs and recovers. Each test uses its
 * own law firm (and the firm's system as a machine client), so tests do not see each other's deliveries.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String MILESTONE = EventType.LITIGATION_MILESTONE_RECORDED.typeName();
    private static final String CANCELLED = EventType.SESSION_CANCELLED.typeName();

    private record Firm(String id, String token, UUID solicitorMember) {
    }

    private static Firm firm() {
        String id = "org-firm-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUser system = new DemoUser("system-" + id, UUID.randomUUID().toString(), "Case system of " + id,
                "system@" + id + ".example", List.of("solicitor-system"), id, List.of());
        return new Firm(id, Tokens.of(TokenSpec.of(system)), UUID.randomUUID());
    }

    private static void awaitThat(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    /** A client whose case names the firm (Sophie of that firm in the care circle). */
    private static UUID clientOf(Firm firm) throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        EventSamples.publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.of(EventType.CARETEAM_MEMBER_JOINED, client, new MemberJoined(client, firm.solicitorMember(),
                        DemoUsers.SOPHIE.userId(), CareTeamRole.SOLICITOR, null, firm.id(), EventSamples.today())));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client)
                .getOrDefault(EventType.CARETEAM_MEMBER_JOINED.typeName(), 0) == 2);
        return client;
    }

    private static JsonPath subscribe(Firm firm, String url, String... types) {
        return given().auth().oauth2(firm.token()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(types)))
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    private static List<Map<String, Object>> log(Firm firm, String subscription) {
        return given().auth().oauth2(firm.token()).get("/api/v1/notifications/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String status(Firm firm, String subscription) {
        List<Map<String, Object>> log = log(firm, subscription);
        return log.isEmpty() ? "none" : (String) log.get(0).get("status");
    }

    @Test
    void signedRetriedThroughFailuresAndATimeoutThenDeliveredOnceDespiteRedelivery() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 503, WebhookReceiver.HANG)) {
            JsonPath subscription = subscribe(firm, receiver.url(), MILESTONE);
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"));
            String id = subscription.getString("id");

            EventEnvelope milestone = EventSamples.milestone(client);
            EventSamples.publish(milestone, milestone);
            awaitThat(() -> "succeeded".equals(status(firm, id)));

            List<WebhookReceiver.Received> got = receiver.received();
            assertEquals(4, got.size(), "500, 503, a hang, then success: " + got.stream().map(WebhookReceiver.Received::answered).toList());
            assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "one message, retried");
            for (WebhookReceiver.Received request : got) {
                assertTrue(StandardWebhooksVerifier.verify(secret, request.header("webhook-id"),
                        request.header("webhook-timestamp"), request.header("webhook-signature"), request.body()),
                        "signature verifies independently");
                assertFalse(StandardWebhooksVerifier.verify(secret, request.header("webhook-id"),
                        request.header("webhook-timestamp"), request.header("webhook-signature"), request.body() + " "),
                        "a changed body does not verify");
            }
            JsonPath body = JsonPath.from(got.get(3).body());
            assertEquals(MILESTONE, body.getString("type"));
            assertEquals(client.toString(), body.getString("data.clientId"));
            assertEquals("/clients/" + client + "/case", body.getString("data.link"));

            List<Map<String, Object>> log = log(firm, id);
            assertEquals(1, log.size(), "the event delivered twice made one delivery");
            assertEquals(4, log.get(0).get("attempts"));
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) log.get(0).get("log");
            assertEquals(500, attempts.get(0).get("statusCode"));
            assertEquals(503, attempts.get(1).get("statusCode"));
            assertNull(attempts.get(2).get("statusCode"));
            assertTrue(((String) attempts.get(2).get("error")).equals("timed out"), attempts.get(2).toString());
            assertEquals(200, attempts.get(3).get("statusCode"));
        }
    }

    @Test
    void aMilestoneTheFirmsSolicitorRecordedReachesTheFirmsSystemButNotHerInbox() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(firm, receiver.url(), MILESTONE);
            UUID milestone = UUID.randomUUID();
            EventSamples.publish(EventSamples.of(EventType.LITIGATION_MILESTONE_RECORDED, client,
                    new app.rapport.contract.litigation.MilestoneRecorded(client, milestone, "interim-payment",
                            EventSamples.today(), null, firm.id(), DemoUsers.SOPHIE.userId())));
            awaitThat(() -> receiver.received().size() == 1);
            awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(MILESTONE));
            assertFalse(Inboxes.countsByType(DemoUsers.SOPHIE, client).containsKey(MILESTONE), "she did it herself");
        }
    }

    @Test
    void afterTheRetryWindowADeliveryIsDeadAndCanBeReplayed() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver().otherwise(502)) {
            String id = subscribe(firm, receiver.url(), MILESTONE).getString("id");
            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> "dead".equals(status(firm, id)));
            int tries = receiver.received().size();
            assertTrue(tries >= 3, "retried with backoff before giving up: " + tries);
            Thread.sleep(600);
            assertEquals(tries, receiver.received().size(), "nothing more once dead");

            receiver.otherwise(204);
            String delivery = (String) log(firm, id).get(0).get("id");
            given().auth().oauth2(firm.token()).post("/api/v1/notifications/webhooks/" + id + "/deliveries/" + delivery + "/replay")
                    .then().statusCode(202).body("status", equalTo("pending"));
            awaitThat(() -> "succeeded".equals(status(firm, id)));
            assertEquals(tries + 1, receiver.received().size());
            // Pending or withheld items cannot be replayed; other firms cannot see this one.
            given().auth().oauth2(firm().token()).post("/api/v1/notifications/webhooks/" + id + "/deliveries/" + delivery + "/replay")
                    .then().statusCode(404);
        }
    }

    @Test
    void whileAReceiverHangsTheDeliveryIsNotLockedByTheSender() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver().answer(WebhookReceiver.HANG)) {
            String id = subscribe(firm, receiver.url(), MILESTONE).getString("id");
            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> !receiver.received().isEmpty());

            // The post is under way (the receiver holds it for longer than the sender waits). Had the sender posted
            // inside its transaction, the row would be locked now and erasure or replay would queue behind a stranger.
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local lock_timeout = '200ms'");
                    try (ResultSet locked = statement.executeQuery("select id from webhook_delivery where subscription_id = '"
                            + UUID.fromString(id) + "' for update")) {
                        assertTrue(locked.next(), "the delivery exists and could be locked at once");
                    }
                }
                connection.rollback();
            }
            awaitThat(() -> "succeeded".equals(status(firm, id)));
            assertEquals(2, receiver.received().size(), "the timed-out post was tried again, once");
        }
    }

    @Test
    void anErasedClientLeavesTheFirmsDeliveryLog() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = subscribe(firm, receiver.url(), MILESTONE).getString("id");
            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> "succeeded".equals(status(firm, id)));

            EventSamples.publish(EventSamples.erased(client));
            awaitThat(() -> log(firm, id).isEmpty());
        }
    }

    @Test
    void aConsentWithdrawalStopsPendingRetries() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver().otherwise(500)) {
            String id = subscribe(firm, receiver.url(), CANCELLED).getString("id");
            EventSamples.publish(EventSamples.granted(client, DataCategory.SCHEDULE, CareTeamRole.SOLICITOR, null));
            awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(EventType.CONSENT_GRANTED.typeName()));
            EventSamples.publish(EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO)));
            awaitThat(() -> !receiver.received().isEmpty());

            EventSamples.publish(EventSamples.withdrawn(client, DataCategory.SCHEDULE, null, firm.solicitorMember()));
            awaitThat(() -> "withheld".equals(status(firm, id)));
            int tries = receiver.received().size();
            Thread.sleep(800);
            assertEquals(tries, receiver.received().size(), "no retry after the withdrawal");
        }
    }

    @Test
    void duringARotationBothSecretsSignThenOnlyTheNewOne() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = subscribe(firm, receiver.url(), MILESTONE);
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            JsonPath rotated = given().auth().oauth2(firm.token()).contentType(ContentType.JSON).body("{\"overlap\":\"PT1H\"}")
                    .post("/api/v1/notifications/webhooks/" + id + "/rotate-secret")
                    .then().statusCode(200).extract().jsonPath();
            String newSecret = rotated.getString("secret");
            assertFalse(newSecret.equals(oldSecret));

            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> receiver.received().size() == 1);
            WebhookReceiver.Received request = receiver.received().get(0);
            assertEquals(2, request.header("webhook-signature").split(" ").length);
            assertTrue(StandardWebhooksVerifier.verify(oldSecret, request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body()), "receivers still on the old secret accept it");
            assertTrue(StandardWebhooksVerifier.verify(newSecret, request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body()), "receivers on the new secret accept it");

            given().auth().oauth2(firm.token()).contentType(ContentType.JSON).body("{\"overlap\":\"PT0S\"}")
                    .post("/api/v1/notifications/webhooks/" + id + "/rotate-secret").then().statusCode(200);
            String newest = given().auth().oauth2(firm.token()).contentType(ContentType.JSON).body("{\"overlap\":\"PT0S\"}")
                    .post("/api/v1/notifications/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                    .extract().jsonPath().getString("secret");
            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> receiver.received().size() == 2);
            WebhookReceiver.Received after = receiver.received().get(1);
            assertEquals(1, after.header("webhook-signature").split(" ").length, "no overlap: one signature");
            assertTrue(StandardWebhooksVerifier.verify(newest, after.header("webhook-id"), after.header("webhook-timestamp"),
                    after.header("webhook-signature"), after.body()));
            assertFalse(StandardWebhooksVerifier.verify(oldSecret, after.header("webhook-id"), after.header("webhook-timestamp"),
                    after.header("webhook-signature"), after.body()));
        }
    }

    @Test
    void badUrlsAndEventTypesAreRefusedAndSubscriptionsStayWithinTheOrganisation() {
        Firm firm = firm();
        record Case(String url, String message) {
        }
        String notPublic = "must point at a publicly reachable address";
        // The review's examples and one of each odd form; UrlPolicyTest and SpecialPurposeAddressesTest sweep the rest.
        for (Case bad : List.of(new Case("http://93.184.215.14/hook", "must use https"),
                new Case("ftp://93.184.215.14/hook", "must use https"),
                new Case("https://10.1.2.3/hook", notPublic),
                new Case("https://192.168.0.10/hook", notPublic),
                new Case("https://169.254.169.254/latest", notPublic),
                new Case("https://[fd00::1]/hook", notPublic),
                new Case("https://100.64.0.1/", notPublic),
                new Case("https://[64:ff9b::a9fe:a9fe]/", notPublic),
                new Case("https://[::ffff:10.0.0.1]/", notPublic),
                new Case("https://[::ffff:8.8.8.8]/", notPublic),
                new Case("https://[2002:a00:1::1]/", notPublic),
                new Case("https://198.18.0.1/", notPublic),
                new Case("https://240.0.0.1/", notPublic),
                new Case("https://192.0.2.10/", notPublic),
                new Case("http://2130706433/", "must name its host as"),
                new Case("https://0x7f.1/", "must name its host as"),
                new Case("https://127.1/", "must name its host as"),
                new Case("https://hooks.firm.example./hook", "must name its host as"),
                new Case("https://user:pw@93.184.215.14/hook", "must not carry credentials"),
                new Case("https://hooks.rapport.invalid/hook", "must name a host that resolves to publicly reachable"),
                new Case("/relative", "must be an absolute URL"))) {
            given().auth().oauth2(firm.token()).contentType(ContentType.JSON)
                    .body(Map.of("url", bad.url(), "eventTypes", List.of(MILESTONE)))
                    .post("/api/v1/notifications/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", org.hamcrest.Matchers.startsWith(bad.message()));
        }
        given().auth().oauth2(firm.token()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.215.14/hook", "eventTypes",
                        List.of(MILESTONE, "rapport.alliance.rupture-detected.v1", "rapport.session.scheduled.v1")))
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("eventTypes[1]", "eventTypes[2]")));
        given().auth().oauth2(firm.token()).get("/api/v1/notifications/webhooks/event-types")
                .then().statusCode(200).body("$", hasItem(MILESTONE)).body("$", not(hasItem("rapport.alliance.rupture-detected.v1")));

        String id = subscribe(firm, "https://93.184.215.14/hook", MILESTONE).getString("id");
        given().auth().oauth2(firm.token()).get("/api/v1/notifications/webhooks")
                .then().statusCode(200).body("id", hasItem(id)).body("secret", equalTo(java.util.Arrays.asList((Object) null)));
        given().auth().oauth2(firm().token()).get("/api/v1/notifications/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of(DemoUsers.SOPHIE)).get("/api/v1/notifications/webhooks").then().statusCode(403);
        given().auth().oauth2(firm.token()).delete("/api/v1/notifications/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(firm.token()).get("/api/v1/notifications/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void aDestinationThatIsNoLongerAllowedFailsEveryAttemptAndIsDeadLetteredWithoutDetail() throws Exception {
        Firm firm = firm();
        UUID client = clientOf(firm);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = subscribe(firm, receiver.url(), MILESTONE).getString("id");
            // as if the firm's host now pointed inside: an address carried in NAT64 form, refused at send time
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("update webhook_subscription set url = 'https://[64:ff9b::a00:7]/hook' where id = '"
                        + UUID.fromString(id) + "'");
            }
            EventSamples.publish(EventSamples.milestone(client));
            awaitThat(() -> "dead".equals(status(firm, id)));
            Map<String, Object> delivery = log(firm, id).get(0);
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) delivery.get("log");
            assertTrue(attempts.size() >= 2, "retried as usual: " + attempts);
            for (Map<String, Object> attempt : attempts) {
                assertEquals("destination not allowed", attempt.get("error"));
                assertNull(attempt.get("statusCode"));
            }
            assertEquals("destination not allowed", delivery.get("lastError"));
            assertTrue(receiver.received().isEmpty());
        }
    }
}
