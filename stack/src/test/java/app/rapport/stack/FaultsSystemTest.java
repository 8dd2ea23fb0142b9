package app.rapport.stack;

import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.rapport.stack.Api.object;
import static app.rapport.stack.TestOrganisation.await;
import static app.rapport.stack.TestOrganisation.inbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults played against the running platform, each bounded and on loopback, each followed by the
 * same invariants: every change client-service committed reached every consumer exactly once
 * (nothing lost, nothing duplicated), and every service is ready again. They damage the platform's
 * state for a while, so they run after the other system tests.
 */
@ExtendWith(SystemPlatform.class)
@Order(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsSystemTest {

    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final String REGISTERED = "rapport.client.registered.v1";
    private static final List<String> CONSUMERS = List.of("session-service", "alliance-service", "notification-service");

    private static TestOrganisation org;

    @BeforeAll
    static void organisation() {
        org = TestOrganisation.create("faults");
    }

    @Test
    @Order(1)
    void poisonRecordsAreDeadLetteredAndConsumptionContinues() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        byte[] notAnEvent = "this is not an event".getBytes(StandardCharsets.UTF_8);
        byte[] badPayload = Api.JSON.writeValueAsBytes(object("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/rapport/somewhere-else", "type", REGISTERED, "subject", poisonKey, "time", Instant.now().toString(),
                "datacontenttype", "application/json", "data", object("clientId", "not-a-client-id")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemPlatform.platform().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("rapport.clients.v1", poisonKey, notAnEvent)).get();
            producer.send(new ProducerRecord<>("rapport.clients.v1", poisonKey, badPayload)).get();
        }

        // A real change made after the poison still goes everywhere.
        ClientFile after = org.register(org.caseManager, "Afterpoison", "Client");
        everyConsumerHasOnce(List.of(after.id()));

        for (String consumer : CONSUMERS) {
            List<ConsumerRecord<String, byte[]>> parked = deadLetters(consumer, poisonKey, 2);
            assertEquals(2, parked.size(), consumer + " parks both poison records");
            for (ConsumerRecord<String, byte[]> record : parked) {
                String reason = new String(record.headers().lastHeader("rapport-dlt-reason").value(), StandardCharsets.UTF_8);
                assertTrue(!reason.isBlank(), "with the reason");
            }
            assertTrue(metric(consumer, "rapport_events_dead_lettered_total") >= 2, consumer + " counts dead letters");
        }
    }

    @Test
    @Order(2)
    void aWebhookReceiverThatWasDownGetsEveryDeliveryOnceWhenBack() throws Exception {
        ClientFile client = org.clientWithCircle("Webhook", "Outage");
        org.openClaim(client, org.caseManager);
        org.consent(client, org.caseManager, "schedule", "solicitor", "granted");
        org.addToCircle(client, org.caseManager, "solicitor", org.solicitor);
        await(() -> !inbox(org.solicitor, client.id(), "rapport.careteam.member-joined.v1").isEmpty(), RECOVERY,
                "notification-service to learn the solicitor joined");
        org.awaitKnownEverywhere(client, org.therapist);

        try (WebhookReceiver firm = new WebhookReceiver()) {
            JsonNode subscription = Api.as(org.firmSystem).post("/api/v1/notifications/webhooks", object("url", firm.url(),
                    "eventTypes", List.of("rapport.session.attended.v1"))).expect(201).json();
            firm.secret(subscription.path("secret").asText());
            firm.stop();
            List<String> sessions = bookPastSessions(client, 4);
            for (String session : sessions) {
                Api.as(org.therapist).post("/api/v1/sessions/" + session + "/attendance", object("minutesLate", 0)).expect(200);
            }
            String log = "/api/v1/notifications/webhooks/" + subscription.path("id").asText() + "/deliveries";
            await(() -> failedAttempts(log) >= sessions.size() * 2, RECOVERY, "retries against the closed endpoint");

            firm.start();
            await(() -> firm.received().size() >= sessions.size(), RECOVERY, "every attendance delivered once back");
            TestOrganisation.sleep(Duration.ofSeconds(3));
            assertEquals(sessions.size(), firm.received().size(), "each delivered once: " + firm.received());
            assertEquals(sessions.size(), firm.received().stream().map(WebhookReceiver.Delivery::messageId).distinct().count());
            assertTrue(firm.received().stream().allMatch(WebhookReceiver.Delivery::signatureValid));
            for (JsonNode delivery : Api.as(org.firmSystem).get(log).expect(200).json()) {
                assertEquals("succeeded", delivery.path("status").asText(), delivery.toString());
                assertTrue(delivery.path("attempts").asInt() >= 2, "retried before it got through: " + delivery);
            }
        }
    }

    @Test
    @Order(3)
    void theBrokerKilledAndRestartedDuringAStreamLosesAndDuplicatesNothing() throws Exception {
        Platform platform = SystemPlatform.platform();
        List<String> accepted;
        try (ChangeStream stream = new ChangeStream(org.caseManager, "Brokeroutage", 150)) {
            stream.awaitAccepted(5);
            platform.stopKafka();
            try {
                int beforeRestart = stream.accepted().size();
                stream.awaitAccepted(beforeRestart + 10); // the outbox keeps taking changes while the broker is gone
                await(() -> metric("client-service", "rapport_outbox_backlog") > 0, RECOVERY, "the outbox lag metric to show the outage");
            } finally {
                platform.startKafka();
            }
            stream.awaitAccepted(stream.accepted().size() + 5);
            accepted = stream.accepted();
        }
        platform.awaitReady(RECOVERY);
        everythingArrivedOnce("Brokeroutage", accepted);
        await(() -> metric("client-service", "rapport_outbox_backlog") == 0, RECOVERY, "client-service's outbox to drain");
    }

    @Test
    @Order(4)
    void aServiceKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
        for (String service : List.of("notification-service", "client-service")) {
            String familyName = "Killed" + service.replace("-service", "");
            List<String> accepted;
            try (ChangeStream stream = new ChangeStream(org.caseManager, familyName, 100)) {
                stream.awaitAccepted(8);
                SystemPlatform.platform().crashAndRestart(service, RECOVERY);
                stream.awaitAccepted(stream.accepted().size() + 8);
                accepted = stream.accepted();
            }
            SystemPlatform.platform().awaitReady(RECOVERY);
            everythingArrivedOnce(familyName, accepted);
        }
    }

    @Test
    @Order(5)
    void postgresRestartedUnderLoadEveryServiceRecoversWithNothingLost() throws Exception {
        Platform platform = SystemPlatform.platform();
        List<String> accepted;
        int failedWhileDown;
        try (ChangeStream stream = new ChangeStream(org.caseManager, "Databaseoutage", 100)) {
            stream.awaitAccepted(8);
            platform.restartPostgres(Duration.ofSeconds(3));
            int afterRestart = stream.accepted().size();
            stream.awaitAccepted(afterRestart + 8); // writes succeed again once the pools reconnect
            accepted = stream.accepted();
            failedWhileDown = stream.failed();
        }
        platform.awaitReady(RECOVERY);
        System.out.printf("[faults] PostgreSQL restart: %d registrations accepted, %d refused while it was down%n",
                accepted.size(), failedWhileDown);
        everythingArrivedOnce("Databaseoutage", accepted);
        for (String service : platform.serviceNames()) {
            Api.anonymous().raw("GET", platform.managementUrl(service) + "/q/health/ready", null, "", Map.of()).expect(200);
        }
    }

    /**
     * What client-service holds is the truth: every client of the stream it has (all the accepted ones, and
     * any whose answer was lost in a crash) reached each consumer, and the case manager was told exactly once.
     */
    private static void everythingArrivedOnce(String familyName, List<String> accepted) {
        JsonNode found = Api.as(org.caseManager).get("/api/v1/clients?size=200&name=" + familyName).expect(200).json();
        List<String> held = new ArrayList<>();
        found.path("items").forEach(item -> held.add(item.path("id").asText()));
        assertTrue(held.containsAll(accepted), "client-service holds every accepted registration");
        everyConsumerHasOnce(held);
    }

    private static void everyConsumerHasOnce(List<String> clientIds) {
        for (String clientId : clientIds) {
            TestOrganisation.awaitStatus(() -> Api.as(org.caseManager).get("/api/v1/sessions/clients/" + clientId).status(), 200,
                    "session-service to learn client " + clientId);
            TestOrganisation.awaitStatus(() -> Api.as(org.caseManager).get("/api/v1/alliance/clients/" + clientId + "/episodes")
                    .status(), 200, "alliance-service to learn client " + clientId);
        }
        Set<String> expected = Set.copyOf(clientIds);
        await(() -> registrationNotices(expected).keySet().equals(expected), RECOVERY,
                "a registration notice for each of " + clientIds.size() + " clients");
        TestOrganisation.sleep(Duration.ofSeconds(1));
        Map<String, Long> notices = registrationNotices(expected);
        assertEquals(expected.size(), notices.size());
        assertTrue(notices.values().stream().allMatch(count -> count == 1), "each exactly once: " + notices);
    }

    private static Map<String, Long> registrationNotices(Set<String> clientIds) {
        return inbox(org.caseManager).stream()
                .filter(n -> n.path("eventType").asText().equals(REGISTERED) && clientIds.contains(n.path("clientId").asText()))
                .collect(Collectors.groupingBy(n -> n.path("clientId").asText(), Collectors.counting()));
    }

    private static List<String> bookPastSessions(ClientFile client, int count) {
        LocalDateTime first = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.HOURS).minusDays(count + 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime start = first.plusDays(i);
            ids.add(Api.as(org.caseManager).post("/api/v1/sessions", object("clientId", client.id(), "professionalIds",
                    List.of(org.therapist.userId()), "type", "therapy", "start", start.toString(),
                    "end", start.plusMinutes(50).toString())).expect(201).json().path("id").asText());
        }
        return ids;
    }

    private static int failedAttempts(String log) {
        int failed = 0;
        for (JsonNode delivery : Api.as(org.firmSystem).get(log).expect(200).json()) {
            for (JsonNode attempt : delivery.path("log")) {
                if (!attempt.path("error").isMissingNode() && !attempt.path("error").isNull()) {
                    failed++;
                }
            }
        }
        return failed;
    }

    /** Sum of a Prometheus metric's series on a service. */
    private static double metric(String service, String name) {
        String text = Api.anonymous().raw("GET", SystemPlatform.platform().managementUrl(service) + "/q/metrics", null, "", Map.of())
                .expect(200).body();
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String consumerGroup, String key, int expected) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemPlatform.platform().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("rapport.dlt." + consumerGroup));
            Instant deadline = Instant.now().plus(RECOVERY);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
