package app.rapport.platform.inbox;

import app.rapport.contract.Topic;
import app.rapport.platform.outbox.KafkaProducers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Parks records a consumer cannot process on its dead-letter topic, with the reason and origin in headers. */
final class DeadLetters implements AutoCloseable {

    static final String REASON = "rapport-dlt-reason";
    static final String ORIGINAL_TOPIC = "rapport-dlt-topic";
    static final String ORIGINAL_PARTITION = "rapport-dlt-partition";
    static final String ORIGINAL_OFFSET = "rapport-dlt-offset";

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    DeadLetters(String bootstrapServers, String consumerGroup, Map<String, Object> security) {
        this.topic = Topic.deadLetterTopic(consumerGroup);
        this.producer = KafkaProducers.idempotent(bootstrapServers, consumerGroup + "-dlt", security);
    }

    /** Returns once the broker has the record, so the original offset can be committed safely. */
    void park(ConsumerRecord<String, byte[]> original, String reason) throws Exception {
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(topic, original.key(), original.value());
        for (Header header : original.headers()) {
            parked.headers().add(header);
        }
        parked.headers()
                .add(REASON, utf8(reason))
                .add(ORIGINAL_TOPIC, utf8(original.topic()))
                .add(ORIGINAL_PARTITION, utf8(Integer.toString(original.partition())))
                .add(ORIGINAL_OFFSET, utf8(Long.toString(original.offset())));
        producer.send(parked).get(30, TimeUnit.SECONDS);
    }

    String topic() {
        return topic;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
