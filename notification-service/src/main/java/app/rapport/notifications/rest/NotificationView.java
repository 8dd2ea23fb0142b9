package app.rapport.notifications.rest;

import app.rapport.notifications.domain.Notification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, String title, UUID clientId, String eventType, String link,
                               Instant createdAt, boolean read) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.title, notification.clientId,
                notification.eventType, notification.link, notification.createdAt, notification.readAt != null);
    }
}
