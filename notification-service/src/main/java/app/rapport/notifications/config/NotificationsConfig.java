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

    interface Stream {
        /** An open stream also looks for new items this often, in case a wake-up was missed. */
        @WithDefault("10s")
        Duration safetyPoll();

        /** Items sent at most per look. */
        @WithDefault("100")
        int batch();
    }
}
