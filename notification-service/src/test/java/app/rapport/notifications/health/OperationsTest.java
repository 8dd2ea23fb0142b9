package app.rapport.notifications.health;

import app.rapport.devkit.testing.OperationsTestBase;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class OperationsTest extends OperationsTestBase {

    @Override
    protected List<String> pathsWithValues() {
        return List.of(
                "/api/v1/notifications/inbox/{}/read",
                "/api/v1/notifications/webhooks/{}",
                "/api/v1/notifications/webhooks/{}/deliveries/{}/replay",
                "/api/v1/notifications/{}",
                "/{}");
    }

    @Override
    protected List<String> counters() {
        return List.of(
                "rapport_security_verified_tokens_total",
                "rapport_events_consumer_restarts_total",
                "rapport_events_dead_lettered_total",
                "rapport_events_consumed_total",
                "rapport_notifications_withheld_total",
                "rapport_notifications_webhooks_total",
                "rapport_notifications_emails_sent_total");
    }
}
