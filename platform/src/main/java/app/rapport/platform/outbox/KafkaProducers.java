package app.rapport.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** Producer settings shared by the outbox relay and the dead-letter publisher. */
public final class KafkaProducers {

    private KafkaProducers() {
    }

    /**
     * An idempotent producer (no duplicates from its own retries, order kept per partition) that gives
     * up quickly when the broker is away, so the caller can back off and try the batch again.
     */
    public static KafkaProducer<String, byte[]> idempotent(String bootstrapServers, String clientId) {
        return idempotent(bootstrapServers, clientId, Map.of());
    }

    /** The same, with the service's Kafka security settings (TLS, SASL) added. */
    public static KafkaProducer<String, byte[]> idempotent(String bootstrapServers, String clientId,
                                                           Map<String, Object> security) {
        Map<String, Object> settings = new HashMap<>(security);
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }
}
