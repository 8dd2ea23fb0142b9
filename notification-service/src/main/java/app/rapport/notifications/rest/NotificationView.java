package app.rapport.notifications.rest;

import app.rapport.notifications.domain.Notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as the recipient sees it.
 *
 * @param streamId the item's live-stream position: reconnect with the highest one seen ({@code Last-Event-ID})
 */
public record NotificationView(UUID id, String title, UUID clientId, String eventType, String link,
                               Instant createdAt, boolean read, boolean archived, long streamId) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.title, notification.clientId,
                notification.eventType, notification.link, notification.createdAt, notification.readAt != null,
                notification.archivedAt != null, notification.seq == null ? 0 : notification.seq);
    }
}
