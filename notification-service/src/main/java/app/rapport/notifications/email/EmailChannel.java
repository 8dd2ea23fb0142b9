package app.rapport.notifications.email;

import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.domain.Recipient;
import app.rapport.notifications.service.Delivery;
import app.rapport.notifications.service.RecipientPreferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Queues a notification for email in the routing transaction: due at once, at the end of the
 * recipient's quiet hours (unless urgent), or at the next daily digest. {@link EmailSender} sends it.
 */
@ApplicationScoped
public class EmailChannel {

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationsConfig config;

    /** @return false when this event was queued for this recipient before */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(Delivery delivery, Recipient recipient, RecipientPreferences.Choice choice, boolean urgent,
                         Instant now) {
        Instant due = now;
        if (choice.digest()) {
            due = Timing.nextDigest(now, config.email().digestAt());
        } else if (!urgent) {
            due = Timing.quietUntil(now, recipient.quietStart, recipient.quietEnd).orElse(now);
        }
        return entityManager.createNativeQuery("""
                        insert into email_delivery (id, event_id, recipient_id, client_id, event_type, category, title, link,
                                                    digest, due_at, status, attempts, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', 0, ?11)
                        on conflict on constraint email_delivery_once do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, delivery.eventId())
                .setParameter(3, delivery.recipientId())
                .setParameter(4, delivery.clientId())
                .setParameter(5, delivery.eventType())
                .setParameter(6, delivery.category())
                .setParameter(7, delivery.title())
                .setParameter(8, delivery.link())
                .setParameter(9, choice.digest())
                .setParameter(10, due)
                .setParameter(11, now)
                .executeUpdate() == 1;
    }
}
