package app.rapport.notifications.service;

import app.rapport.notifications.domain.Channel;
import app.rapport.notifications.domain.Notification;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The in-app channel: stores deliveries and serves each recipient their own inbox. */
@ApplicationScoped
public class InAppInbox {

    @Inject
    EntityManager entityManager;

    /** Idempotent per (event, recipient, channel), whatever the consumer ledger says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(Delivery delivery) {
        entityManager.createNativeQuery("""
                        insert into notification (id, event_id, recipient_id, channel, client_id, event_type, title, link, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict on constraint notification_once do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, delivery.eventId())
                .setParameter(3, delivery.recipientId())
                .setParameter(4, Channel.IN_APP.name())
                .setParameter(5, delivery.clientId())
                .setParameter(6, delivery.eventType())
                .setParameter(7, delivery.title())
                .setParameter(8, delivery.link())
                .setParameter(9, Instant.now())
                .executeUpdate();
    }

    public List<Notification> page(String recipientId, int page, int size) {
        return Notification.<Notification>find("recipientId", Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                recipientId).page(Page.of(page, size)).list();
    }

    public long total(String recipientId) {
        return Notification.count("recipientId", recipientId);
    }

    public long unread(String recipientId) {
        return Notification.count("recipientId = ?1 and readAt is null", recipientId);
    }

    /** @return empty when the notification does not exist or belongs to someone else */
    @Transactional
    public Optional<Notification> markRead(String recipientId, UUID notificationId) {
        Optional<Notification> found = Notification.<Notification>findByIdOptional(notificationId)
                .filter(n -> n.recipientId.equals(recipientId));
        found.filter(n -> n.readAt == null).ifPresent(n -> n.readAt = Instant.now());
        return found;
    }
}
