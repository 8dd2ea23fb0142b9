package app.rapport.notifications.service;

import java.util.UUID;

/** One notification to one recipient, as decided by routing. */
public record Delivery(UUID eventId, String recipientId, UUID clientId, String eventType, String title, String link) {
}
