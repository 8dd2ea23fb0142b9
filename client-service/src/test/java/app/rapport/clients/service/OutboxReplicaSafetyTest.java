package app.rapport.clients.service;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.devkit.testing.SharedInfrastructure;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.platform.outbox.KafkaProducers;
import app.rapport.platform.outbox.OutboxBatch;
import app.rapport.platform.outbox.OutboxWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several relays draining one outbox at once, as replicas do, publish every event exactly once and
 * keep each client's events in order. The service's own relay is off here so the three relays
 * below start together on a full outbox.
 */
@QuarkusTest
@TestProfile(OutboxReplicaSafetyTest.OwnRelayOff.class)
class OutboxReplicaSafetyTest {

    public static class OwnRelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.events.relay.enabled", "false");
        }
    }

    private static final int CLIENTS = 60;
    private static final int EVENTS_FOR_ONE_CLIENT = 40;
    private static final int EXTRA_RELAYS = 3;

    @Inject
    OutboxWriter outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentRelaysNeitherDuplicateNorReorder() throws Exception {
        List<UUID> expected = new ArrayList<>();
        UUID busyClient = UUID.randomUUID();
        for (int i = 0; i < CLIENTS; i++) {
            expected.add(append(UUID.randomUUID()).id());
        }
        for (int i = 0; i < EVENTS_FOR_ONE_CLIENT; i++) {
            expected.add(append(busyClient).id());
        }
        ExecutorService relays = Executors.newFixedThreadPool(EXTRA_RELAYS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int r = 0; r < EXTRA_RELAYS; r++) {
                running.add(relays.submit(this::drainForAWhile));
            }
            for (Future<?> relay : running) {
                relay.get();
            }
        } finally {
            relays.shutdownNow();
        }

        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> ids(seen).keySet().containsAll(expected), Duration.ofSeconds(60));
            // Give a would-be duplicate time to arrive before counting.
            records = reader.readUntil(seen -> false, Duration.ofSeconds(3));
            Map<UUID, Long> counts = ids(records);
            for (UUID id : expected) {
                assertEquals(1L, counts.getOrDefault(id, 0L), "event " + id + " published exactly once");
            }
            List<UUID> busyClientOrder = records.stream().filter(r -> busyClient.toString().equals(r.key()))
                    .map(r -> EventCodec.parse(r.value()).id()).toList();
            assertEquals(expected.subList(CLIENTS, expected.size()), busyClientOrder, "one client's events keep their order");
        }
    }

    private EventEnvelope append(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(EventType.CLIENT_REGISTERED, clientId,
                "org-test", "team-test", new ClientRegistered(clientId, "C-TEST00", "org-test", "team-test", "user-test")));
    }

    private Void drainForAWhile() throws Exception {
        OutboxBatch batch = new OutboxBatch(dataSource, 7);
        try (KafkaProducer<String, byte[]> producer = KafkaProducers.idempotent(
                SharedInfrastructure.kafka().bootstrapServers(), "extra-relay-" + UUID.randomUUID())) {
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < until) {
                try {
                    if (batch.publish(producer) == 0) {
                        Thread.sleep(5);
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException slowBroker) {
                    // As the real relay does: the batch stays unpublished and is tried again after a pause.
                    Thread.sleep(100);
                }
            }
        }
        return null;
    }

    private static Map<UUID, Long> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventCodec.parse(r.value()).id())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
