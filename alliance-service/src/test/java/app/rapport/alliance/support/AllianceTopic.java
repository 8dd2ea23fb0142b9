package app.rapport.alliance.support;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.Topic;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads what alliance-service published about one client, checking every record against the contract. */
public final class AllianceTopic {

    private AllianceTopic() {
    }

    public static List<EventEnvelope> eventsAbout(UUID clientId, Predicate<List<EventEnvelope>> done) {
        try (TopicReader reader = new TopicReader(Topic.ALLIANCE.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> done.test(parse(seen, clientId)), Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : records) {
                if (clientId.toString().equals(record.key())) {
                    assertEquals(Set.of(), ContractVerifier.problems(record.value()), "published events honour the contract");
                }
            }
            return parse(records, clientId);
        }
    }

    public static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }

    public static long count(List<EventEnvelope> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    private static List<EventEnvelope> parse(List<ConsumerRecord<String, byte[]>> records, UUID clientId) {
        return records.stream().filter(r -> clientId.toString().equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
    }
}
