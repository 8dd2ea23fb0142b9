package app.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a service publishes (outbox relay) and consumes (inbox) events. */
@ConfigMapping(prefix = "rapport.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of this service, e.g. {@code /rapport/client-service}. */
    String source();

    /** Kafka bootstrap servers; defaults to {@code kafka.bootstrap.servers}. */
    String bootstrapServers();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Off in services that publish nothing. */
        @WithDefault("true")
        boolean enabled();

        /** Safety net only: commits wake the relay at once through LISTEN/NOTIFY. */
        @WithDefault("5s")
        Duration fallbackPollInterval();

        @WithDefault("200")
        int batchSize();

        /** Published rows are kept this long for investigation, then purged. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {
        @WithDefault("false")
        boolean enabled();

        /** Kafka consumer group, also the key under which processed event ids are recorded. */
        Optional<String> groupId();

        Optional<List<String>> topics();

        /** Attempts for a failing handler before its record is dead-lettered. Infrastructure outages are retried without limit. */
        @WithDefault("8")
        int maxAttempts();
    }
}
