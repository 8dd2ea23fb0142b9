package app.rapport.devkit.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@link OperationalChecks} every service must pass. A service's {@code @QuarkusTest} subclass names only what
 * differs between services: the paths to try with fresh values and the counters it exports.
 */
public abstract class OperationsTestBase {

    @TestHTTPResource("/")
    protected URI base;

    @TestHTTPResource(value = "/", management = true)
    protected URI management;

    /** Templated routes (public and behind a token), a refused method and unknown paths, each {@code {}} a fresh value. */
    protected abstract List<String> pathsWithValues();

    /** The counters this service exports; each must exist from the start (at zero until something happens). */
    protected abstract List<String> counters();

    @Test
    void managementEndpointsAreOnTheManagementPortOnlyWithReadinessMetricsAndOpenApi() throws Exception {
        assertEquals(List.of(), OperationalChecks.problems(base, management));
    }

    @Test
    void noPathValueBecomesAMetricTag() throws Exception {
        assertEquals(List.of(), OperationalChecks.pathValuesInMetrics(base, management, pathsWithValues()));
    }

    @Test
    void everyAnswerForbidsStoringAndSniffing() throws Exception {
        assertEquals(List.of(), OperationalChecks.answersThatMayBeStored(base, pathsWithValues()));
    }

    @Test
    void everyCounterIsExportedAsACounterFromTheStart() throws Exception {
        String metrics = OperationalChecks.metrics(management);
        assertEquals(List.of(), OperationalChecks.notCounters(metrics, counters()), metrics);
    }
}
