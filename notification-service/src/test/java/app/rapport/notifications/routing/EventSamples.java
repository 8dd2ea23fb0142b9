package app.rapport.notifications.routing;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.devkit.testing.SharedInfrastructure;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Builds contract events the way client-service does and puts raw records on the real broker. */
final class EventSamples {

    private EventSamples() {
    }

    static EventEnvelope clientRegistered(DemoUser registeredBy) {
        UUID clientId = UUID.randomUUID();
        String reference = "C-" + clientId.toString().replace("-", "").substring(0, 6).toUpperCase();
        return EventCodec.envelope(EventType.CLIENT_REGISTERED, "/rapport/client-service", clientId,
                DemoUsers.ORGANISATION, registeredBy.teamIds().get(0),
                new ClientRegistered(clientId, reference, DemoUsers.ORGANISATION, registeredBy.teamIds().get(0),
                        registeredBy.userId()));
    }

    static byte[] bytes(EventEnvelope event) {
        return EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    static void send(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topic.CLIENTS.topicName(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
