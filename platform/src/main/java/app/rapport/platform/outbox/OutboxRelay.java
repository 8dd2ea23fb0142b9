package app.rapport.platform.outbox;

import app.rapport.platform.config.EventsConfig;
import app.rapport.platform.config.KafkaClientSettings;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to Kafka. Runs on one background thread per replica; replicas take
 * turns through a database lock. Woken by commits (LISTEN/NOTIFY), with a slow poll as a safety
 * net. While the broker is away it backs off and keeps every row until Kafka acknowledges it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    KafkaClientSettings kafkaSettings;

    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;
    private final AtomicLong backlogEvents = new AtomicLong();
    private final AtomicLong oldestBacklogMillis = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        published = Counter.builder("rapport.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(metrics);
        failures = Counter.builder("rapport.outbox.publish.failures")
                .description("Relay batches that Kafka did not acknowledge").register(metrics);
        Gauge.builder("rapport.outbox.backlog", backlogEvents, AtomicLong::get)
                .description("Committed events not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("rapport.outbox.oldest.age.seconds", oldestBacklogMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished event").register(metrics);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        OutboxBatch batch = new OutboxBatch(dataSource, config.relay().batchSize());
        Instant nextHousekeeping = Instant.now();
        int failuresInARow = 0;
        try (CommitSignal commits = new CommitSignal(dataSource)) {
            commits.listen();
            while (running) {
                try {
                    int count = batch.publish(producer());
                    published.increment(count);
                    if (failuresInARow > 0) {
                        LOG.infof("Outbox relay recovered after %d failed attempts", failuresInARow);
                        failuresInARow = 0;
                    }
                    if (Instant.now().isAfter(nextHousekeeping)) {
                        housekeeping(batch);
                        nextHousekeeping = Instant.now().plus(HOUSEKEEPING_INTERVAL);
                    }
                    if (count < config.relay().batchSize()) {
                        commits.await(config.relay().fallbackPollInterval());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    failuresInARow++;
                    failures.increment();
                    discardProducer();
                    // The lag metrics matter most while publishing fails: measure now, not only after a success.
                    measureBacklog(batch);
                    Duration backoff = backoff(failuresInARow);
                    if (failuresInARow == 1 || failuresInARow % 10 == 0) {
                        LOG.warnf("Outbox relay cannot publish (attempt %d, retrying in %d ms): %s",
                                failuresInARow, backoff.toMillis(), e.toString());
                    }
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        } finally {
            discardProducer();
        }
    }

    private void housekeeping(OutboxBatch batch) throws Exception {
        measureBacklog(batch);
        int purged = batch.purgePublishedBefore(config.relay().retention());
        if (purged > 0) {
            LOG.debugf("Purged %d published outbox rows", purged);
        }
    }

    private void measureBacklog(OutboxBatch batch) {
        try {
            OutboxBatch.Backlog backlog = batch.backlog();
            backlogEvents.set(backlog.events());
            oldestBacklogMillis.set((long) (backlog.oldestAgeSeconds() * 1000));
        } catch (java.sql.SQLException e) {
            LOG.debugf("Outbox backlog not measured (database unreachable): %s", e.toString());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaProducers.idempotent(config.bootstrapServers(), config.source() + "-outbox",
                    kafkaSettings.security());
        }
        return producer;
    }

    /** A producer that timed out may hold half-sent batches; a fresh one starts clean. */
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // Shutting down: the interrupt was for this thread; the producer is released anyway.
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
    }

    static Duration backoff(int failuresInARow) {
        long millis = 200L << Math.min(failuresInARow - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }
}
