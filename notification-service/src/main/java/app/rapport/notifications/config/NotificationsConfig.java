package app.rapport.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How notification-service routes and delivers. */
@ConfigMapping(prefix = "rapport.notifications")
public interface NotificationsConfig {

    /** Classpath resource holding the routing table (a Markdown table, also shown in the docs). */
    @WithDefault("/app/rapport/notifications/routing-table.md")
    String routingTable();

    Stream stream();

    Email email();

    Webhooks webhooks();

    interface Webhooks {
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("true")
        boolean senderEnabled();

        /** Retries go on this long after the first attempt; then the delivery is dead-lettered (replayable). */
        @WithDefault("PT24H")
        Duration retryWindow();

        /** First retry delay; each retry doubles it, with ±20 % jitter, up to {@link #maxBackoff()}. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** The receiver must answer within this. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How long the old secret keeps signing after a rotation when the request names no overlap. */
        @WithDefault("PT24H")
        Duration defaultRotationOverlap();

        /** Only for development and tests: allow plain http to a loopback address. */
        @WithDefault("false")
        boolean allowHttpLoopback();
    }

    interface Email {
        /** The sender looks for due emails this often. */
        @WithDefault("5s")
        Duration pollInterval();

        /** Off in tests that drive the sender themselves. */
        @WithDefault("true")
        boolean senderEnabled();

        /** Local time (Europe/London) the daily digest goes out. */
        @WithDefault("07:00")
        java.time.LocalTime digestAt();

        /** Attempts before an email is given up (the failure stays recorded). */
        @WithDefault("10")
        int maxAttempts();

        @WithDefault("Rapport <notifications@rapport.invalid>")
        String from();
    }

    interface Stream {
        /** An open stream also looks for new items this often, in case a wake-up was missed. */
        @WithDefault("10s")
        Duration safetyPoll();

        /** Items sent at most per look. */
        @WithDefault("100")
        int batch();
    }
}
