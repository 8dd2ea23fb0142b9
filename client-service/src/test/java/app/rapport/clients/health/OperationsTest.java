package app.rapport.clients.health;

import app.rapport.devkit.testing.OperationsTestBase;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class OperationsTest extends OperationsTestBase {

    @Override
    protected List<String> pathsWithValues() {
        return List.of(
                "/api/v1/clients/{}",
                "/api/v1/clients/{}/goals/{}",
                "/api/v1/clients/{}/care-circle/{}/end",
                "/api/v1/organisations/{}/teams/{}",
                "/api/v1/clients/{}/nothing-here",
                "/{}");
    }

    @Override
    protected List<String> counters() {
        return List.of(
                "rapport_security_verified_tokens_total",
                "rapport_outbox_published_total",
                "rapport_outbox_publish_failures_total");
    }
}
