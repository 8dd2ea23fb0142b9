package app.rapport.clients.health;

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
            "/api/v1/clients/{}",
            "/api/v1/clients/{}/goals/{}",
            "/api/v1/clients/{}/care-circle/{}/end",
            "/api/v1/organisations/{}/teams/{}",
            "/api/v1/clients/{}/nothing-here",
            "/{}");

    /** The counters this service exports; each must exist from the start (at zero until something happens). */
    static final List<String> COUNTERS = List.of(
            "rapport_security_verified_tokens_total",
            "rapport_outbox_published_total",
            "rapport_outbox_publish_failures_total");

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
