package app.rapport.devkit.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric checks every service's operations test relies on find what they are meant to find. */
class OperationalChecksTest {

    private static final String EXPOSITION = """
            # TYPE rapport_outbox_published counter
            # HELP rapport_outbox_published Outbox events acknowledged by Kafka
            rapport_outbox_published_total 0.0
            # TYPE rapport_events_consumer_restarts gauge
            # HELP rapport_events_consumer_restarts
            rapport_events_consumer_restarts{group="g"} 0.0
            # TYPE rapport_outbox_backlog gauge
            rapport_outbox_backlog 3.0
            # TYPE jvm_threads_live_threads gauge
            jvm_threads_live_threads 20.0
            """;

    @Test
    void familiesWithoutHelpTextAreNamed() {
        assertEquals(List.of("metric rapport_events_consumer_restarts has no help text",
                "metric rapport_outbox_backlog has no help text"), OperationalChecks.metricsWithoutHelp(EXPOSITION));
    }

    @Test
    void onlyCountersExportedAsCountersPass() {
        assertEquals(List.of("rapport_events_consumer_restarts_total is exported as a gauge",
                        "rapport_events_dead_lettered_total is missing"),
                OperationalChecks.notCounters(EXPOSITION, List.of("rapport_outbox_published_total",
                        "rapport_events_consumer_restarts_total", "rapport_events_dead_lettered_total")));
    }

    @Test
    void onlyRapportFamiliesAreChecked() {
        assertEquals(List.of("rapport_outbox_published", "rapport_events_consumer_restarts", "rapport_outbox_backlog"),
                List.copyOf(OperationalChecks.rapportFamilies(EXPOSITION)));
        assertEquals("gauge", OperationalChecks.typeOf(EXPOSITION, "rapport_outbox_backlog"));
    }
}
