package app.rapport.notifications.service;

import java.util.UUID;

/**
 * One notification to one recipient, as decided by routing.
 *
 * @param category the data category the notification reveals ({@code null} when routing did not classify it)
 */
public record Delivery(UUID eventId, String recipientId, UUID clientId, String eventType, String title, String link,
                       String category) {

    public Delivery(UUID eventId, String recipientId, UUID clientId, String eventType, String title, String link) {
        this(eventId, recipientId, clientId, eventType, title, link, null);
    }
}
