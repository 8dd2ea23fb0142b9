package app.rapport.sessions.health;

import app.rapport.devkit.testing.OperationalChecks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OperationsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void readinessCoversDatabaseAndKafkaAndMetricsAndOpenApiAreServed() throws Exception {
        assertEquals(List.of(), OperationalChecks.problems(base));
    }
}
