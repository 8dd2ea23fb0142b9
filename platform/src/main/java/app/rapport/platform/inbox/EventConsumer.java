package app.rapport.platform.inbox;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.MalformedEventException;
import app.rapport.platform.config.EventsConfig;
import app.rapport.platform.config.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes the configured topics and hands each event to the service's {@link EventHandler}s exactly
 * once: offsets are committed only after the effect and its event id are committed, redeliveries are
 * recognised by id, malformed records are dead-lettered, and outages are waited out.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    EventsConfig config;

    @Inject
    KafkaClientSettings kafkaSettings;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    IdempotentApplier applier;

    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private Thread worker;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Integer> attempts = new HashMap<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            return;
        }
        String group = config.consumer().groupId()
                .orElseThrow(() -> new IllegalStateException("rapport.events.consumer.group-id is required"));
        List<String> topics = config.consumer().topics()
                .orElseThrow(() -> new IllegalStateException("rapport.events.consumer.topics is required"));
        running = true;
        RestartingLoop loop = new RestartingLoop("Event consumer " + group, Duration.ofSeconds(1), MAX_BACKOFF,
                pause -> Thread.sleep(pause.toMillis()));
        metrics.gauge("rapport.events.consumer.restarts", loop, RestartingLoop::restarts);
        worker = new Thread(() -> loop.run(() -> running, () -> consume(group, topics)), "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Consumes until stopped; any other failure escapes so that the loop starts a fresh consumer. */
    private void consume(String group, List<String> topics) throws InterruptedException {
        try (DeadLetters deadLetters = new DeadLetters(config.bootstrapServers(), group, kafkaSettings.security());
             KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerSettings(group),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics);
            LOG.infof("Consuming %s as %s; poison records go to %s", topics, group, deadLetters.topic());
            int backoffStep = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                boolean mustWait = false;
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (process(group, record, deadLetters)) {
                            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        } else {
                            // Stop this partition here and read the record again after a pause, keeping order.
                            kafka.seek(partition, record.offset());
                            mustWait = true;
                            break;
                        }
                    }
                }
                if (!done.isEmpty()) {
                    kafka.commitSync(done);
                }
                if (mustWait) {
                    backoffStep++;
                    Thread.sleep(Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(backoffStep, 10)));
                } else {
                    backoffStep = 0;
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Event consumer stopping");
        } finally {
            consumer = null;
        }
    }

    /** @return true when the record is finished with (applied, skipped or dead-lettered) */
    private boolean process(String group, ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        try {
            EventEnvelope event;
            try {
                event = EventCodec.parse(record.value());
            } catch (MalformedEventException e) {
                return deadLetter(record, e.getMessage(), deadLetters);
            }
            List<EventHandler> interested = handlers.stream()
                    .filter(h -> EventType.fromTypeName(event.type()).map(h.handles()::contains).orElse(false))
                    .toList();
            if (interested.isEmpty()) {
                return true;
            }
            try {
                boolean applied = applier.apply(group, event, interested);
                metrics.counter("rapport.events.consumed", "type", event.type(),
                        "outcome", applied ? "applied" : "duplicate").increment();
                attempts.remove(position);
                return true;
            } catch (MalformedEventException e) {
                return deadLetter(record, e.getMessage(), deadLetters);
            } catch (RuntimeException e) {
                return retryOrGiveUp(record, position, e, deadLetters);
            }
        } catch (Exception e) {
            LOG.warnf("Cannot finish %s yet: %s", position, e.toString());
            return false;
        }
    }

    private boolean retryOrGiveUp(ConsumerRecord<String, byte[]> record, String position, RuntimeException failure,
                                  DeadLetters deadLetters) throws Exception {
        if (Failures.isInfrastructureOutage(failure)) {
            LOG.warnf("Waiting for infrastructure before applying %s: %s", position, failure.toString());
            return false;
        }
        int attempt = attempts.merge(position, 1, Integer::sum);
        if (attempt < config.consumer().maxAttempts()) {
            LOG.warnf(failure, "Applying %s failed (attempt %d of %d)", position, attempt, config.consumer().maxAttempts());
            return false;
        }
        attempts.remove(position);
        return deadLetter(record, "handler failed " + attempt + " times: " + failure, deadLetters);
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason, DeadLetters deadLetters) throws Exception {
        deadLetters.park(record, reason);
        metrics.counter("rapport.events.dead.lettered", "topic", record.topic()).increment();
        LOG.warnf("Dead-lettered %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return true;
    }

    private Map<String, Object> consumerSettings(String group) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings.security());
        settings.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, config.source() + "-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200));
        return settings;
    }
}
