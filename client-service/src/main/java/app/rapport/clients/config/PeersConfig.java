package app.rapport.clients.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;

/**
 * Where the other services answer: client-service composes a client's subject-access export and audit view from
 * their parts. Set from {@code RAPPORT_SESSION_SERVICE_URL}, {@code RAPPORT_ALLIANCE_SERVICE_URL} and
 * {@code RAPPORT_NOTIFICATION_SERVICE_URL}, the same variables the web client's front door reads.
 */
@ConfigMapping(prefix = "rapport.peers")
public interface PeersConfig {

    @WithName("session-service")
    URI sessionService();

    @WithName("alliance-service")
    URI allianceService();

    @WithName("notification-service")
    URI notificationService();

    /** How long one service may take to answer before the composed answer is refused. */
    @WithDefault("PT15S")
    Duration timeout();
}
