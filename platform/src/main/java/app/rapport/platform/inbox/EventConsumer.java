package app.rapport.platform.inbox;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.MalformedEventException;
import app.rapport.platform.config.EventsConfig;
import app.rapport.platform.config.KafkaClientSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
    private MultiGauge lag;

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
        registerMetrics(group, topics, loop);
        worker = new Thread(() -> loop.run(() -> running, () -> consume(group, topics)), "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Every counter exists at zero from the start, so that alerts on rate() or increase() see the first event;
     * the lag gauge follows the partitions this replica is assigned.
     */
    private void registerMetrics(String group, List<String> topics, RestartingLoop loop) {
        FunctionCounter.builder("rapport.events.consumer.restarts", loop, RestartingLoop::restarts)
                .description("Times the event consumer failed and was started again")
                .tag("group", group).register(metrics);
        for (String topic : topics) {
            deadLettered(topic);
        }
        for (EventHandler handler : handlers) {
            for (EventType type : handler.handles()) {
                for (String outcome : List.of("applied", "duplicate")) {
                    consumed(type.typeName(), outcome);
                }
            }
        }
        lag = MultiGauge.builder("rapport.events.consumer.lag")
                .description("Records in a partition this replica consumes that it has not processed yet")
                .tag("group", group).register(metrics);
    }

    private Counter consumed(String type, String outcome) {
        return Counter.builder("rapport.events.consumed").description("Events handed to this service's handlers")
                .tags("type", type, "outcome", outcome).register(metrics);
    }

    private Counter deadLettered(String topic) {
        return Counter.builder("rapport.events.dead.lettered")
                .description("Records parked on the dead-letter topic, by the topic they came from")
                .tag("topic", topic).register(metrics);
    }

    /** The consumer's own view of how far each assigned partition's end is ahead of its position. */
    private void recordLag(KafkaConsumer<String, byte[]> kafka) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong behind = kafka.currentLag(partition);
            if (behind.isPresent()) {
                rows.add(MultiGauge.Row.of(Tags.of("topic", partition.topic(),
                        "partition", Integer.toString(partition.partition())), behind.getAsLong()));
            }
        }
        lag.register(rows, true);
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
                recordLag(kafka);
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
                consumed(event.type(), applied ? "applied" : "duplicate").increment();
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
        deadLettered(record.topic()).increment();
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
