package app.rapport.alliance.health;

import app.rapport.devkit.testing.OperationalChecks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OperationsTest {

    /** Templated routes (public and behind a token), a refused method and unknown paths, each with fresh values. */
    static final List<String> PATHS_WITH_VALUES = List.of(
            "/api/v1/alliance/clients/{}",
            "/api/v1/alliance/clients/{}/feedback-links",
            "/api/v1/feedback/{}",
            "/api/v1/alliance/episodes/{}/repairs",
            "/api/v1/alliance/measures/{}",
            "/api/v1/alliance/{}/nothing/{}",
            "/{}");

    /** The counters this service exports; each must exist from the start (at zero until something happens). */
    static final List<String> COUNTERS = List.of(
            "rapport_security_verified_tokens_total",
            "rapport_outbox_published_total",
            "rapport_outbox_publish_failures_total",
            "rapport_events_consumer_restarts_total",
            "rapport_events_dead_lettered_total",
            "rapport_events_consumed_total");

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void managementEndpointsAreOnTheManagementPortOnlyWithReadinessMetricsAndOpenApi() throws Exception {
        assertEquals(List.of(), OperationalChecks.problems(base, management));
    }

    @Test
    void noPathValueBecomesAMetricTag() throws Exception {
        assertEquals(List.of(), OperationalChecks.pathValuesInMetrics(base, management, PATHS_WITH_VALUES));
    }

    @Test
    void everyAnswerForbidsStoringAndSniffing() throws Exception {
        assertEquals(List.of(), OperationalChecks.answersThatMayBeStored(base, PATHS_WITH_VALUES));
    }

    @Test
    void everyCounterIsExportedAsACounterFromTheStart() throws Exception {
        String metrics = OperationalChecks.metrics(management);
        assertEquals(List.of(), OperationalChecks.notCounters(metrics, COUNTERS), metrics);
    }
}
