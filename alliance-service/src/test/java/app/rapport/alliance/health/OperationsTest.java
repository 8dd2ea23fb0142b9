package app.rapport.alliance.health;

import app.rapport.devkit.testing.OperationsTestBase;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class OperationsTest extends OperationsTestBase {

    @Override
    protected List<String> pathsWithValues() {
        return List.of(
                "/api/v1/alliance/clients/{}",
                "/api/v1/alliance/clients/{}/feedback-links",
                "/api/v1/feedback/{}",
                "/api/v1/alliance/episodes/{}/repairs",
                "/api/v1/alliance/measures/{}",
                "/api/v1/alliance/{}/nothing/{}",
                "/{}");
    }

    @Override
    protected List<String> counters() {
        return List.of(
                "rapport_security_verified_tokens_total",
                "rapport_outbox_published_total",
                "rapport_outbox_publish_failures_total",
                "rapport_events_consumer_restarts_total",
                "rapport_events_dead_lettered_total",
                "rapport_events_consumed_total");
    }
}
