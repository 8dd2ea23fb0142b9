package app.rapport.sessions.health;

import app.rapport.devkit.testing.OperationsTestBase;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class OperationsTest extends OperationsTestBase {

    @Override
    protected List<String> pathsWithValues() {
        return List.of(
                "/api/v1/sessions/{}",
                "/api/v1/sessions/{}/attendance",
                "/api/v1/sessions/series/{}/retime",
                "/api/v1/sessions/calendar/{}00000000000000000000.ics",
                "/api/v1/sessions/clients/{}",
                "/api/v1/sessions/{}/nothing/{}",
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
