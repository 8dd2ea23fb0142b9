package app.rapport.sessions.support;

import app.rapport.contract.Topic;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads what session-service put on rapport.sessions.v1 for one client, checking every record against the contract. */
public final class SessionEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionEvents() {
    }

    /** Waits until at least {@code expected} events of the client arrived; returns them all as envelopes, in order. */
    public static List<JsonNode> of(UUID clientId, int expected) {
        try (TopicReader reader = new TopicReader(Topic.SESSIONS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().filter(r -> clientId.toString().equals(r.key())).count() >= expected,
                    Duration.ofSeconds(60)).stream().filter(r -> clientId.toString().equals(r.key())).toList();
            for (ConsumerRecord<String, byte[]> record : records) {
                assertEquals(Set.of(), ContractVerifier.problems(record.value()), "every published event honours the contract");
            }
            return records.stream().map(r -> read(r.value())).toList();
        }
    }

    public static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
