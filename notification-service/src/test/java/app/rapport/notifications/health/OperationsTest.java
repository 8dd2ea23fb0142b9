package app.rapport.notifications.health;

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
            "/api/v1/notifications/inbox/{}/read",
            "/api/v1/notifications/webhooks/{}",
            "/api/v1/notifications/webhooks/{}/deliveries/{}/replay",
            "/api/v1/notifications/{}",
            "/{}");

    /** The counters this service exports; each must exist from the start (at zero until something happens). */
    static final List<String> COUNTERS = List.of(
            "rapport_security_verified_tokens_total",
            "rapport_events_consumer_restarts_total",
            "rapport_events_dead_lettered_total",
            "rapport_events_consumed_total",
            "rapport_notifications_withheld_total",
            "rapport_notifications_webhooks_total",
            "rapport_notifications_emails_sent_total");

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
