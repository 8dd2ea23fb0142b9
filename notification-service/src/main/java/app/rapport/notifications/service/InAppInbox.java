package app.rapport.notifications.service;

import app.rapport.notifications.domain.Channel;
import app.rapport.notifications.domain.Notification;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    InboxSignals signals;

    /**
     * Idempotent per (event, recipient, channel), whatever the consumer ledger says. Open live streams
     * of the recipient are woken once the transaction commits.
     *
     * @return false when this notification had been delivered before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(Delivery delivery) {
        int inserted = entityManager.createNativeQuery("""
                        insert into notification (id, event_id, recipient_id, channel, client_id, event_type, title, link,
                                                  category, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict on constraint notification_once do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, delivery.eventId())
                .setParameter(3, delivery.recipientId())
                .setParameter(4, Channel.IN_APP.name())
                .setParameter(5, delivery.clientId())
                .setParameter(6, delivery.eventType())
                .setParameter(7, delivery.title())
                .setParameter(8, delivery.link())
                .setParameter(9, delivery.category())
                .setParameter(10, Instant.now())
                .executeUpdate();
        if (inserted == 1) {
            String recipient = delivery.recipientId();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signals.wake(recipient);
                    }
                }
            });
        }
        return inserted == 1;
    }

    /** The inbox (not archived) or the archive, newest first. */
    public List<Notification> page(String recipientId, boolean archived, int page, int size) {
        return Notification.<Notification>find("recipientId = ?1 and archivedAt is " + (archived ? "not null" : "null"),
                        Sort.descending("createdAt").and("id", Sort.Direction.Descending), recipientId)
                .page(Page.of(page, size)).list();
    }

    public List<Notification> page(String recipientId, int page, int size) {
        return page(recipientId, false, page, size);
    }

    public long total(String recipientId, boolean archived) {
        return Notification.count("recipientId = ?1 and archivedAt is " + (archived ? "not null" : "null"), recipientId);
    }

    public long total(String recipientId) {
        return total(recipientId, false);
    }

    /** Unread items still in the inbox (archiving one takes it out of the count). */
    public long unread(String recipientId) {
        return Notification.count("recipientId = ?1 and readAt is null and archivedAt is null", recipientId);
    }

    /** The recipient's items delivered after the stream position {@code afterSeq}, oldest first. */
    public List<Notification> after(String recipientId, long afterSeq, int limit) {
        return Notification.<Notification>find("recipientId = ?1 and seq > ?2", Sort.ascending("seq"), recipientId, afterSeq)
                .page(Page.ofSize(limit)).list();
    }

    /** The latest stream position of the recipient (0 when they have nothing). */
    public long latestSeq(String recipientId) {
        Long latest = entityManager.createQuery("select max(n.seq) from Notification n where n.recipientId = ?1", Long.class)
                .setParameter(1, recipientId).getSingleResult();
        return latest == null ? 0 : latest;
    }

    /** @return empty when the notification does not exist or belongs to someone else */
    @Transactional
    public Optional<Notification> markRead(String recipientId, UUID notificationId) {
        Optional<Notification> found = own(recipientId, notificationId);
        found.filter(n -> n.readAt == null).ifPresent(n -> n.readAt = Instant.now());
        return found;
    }

    /** Archiving also marks read. @return empty when the notification does not exist or belongs to someone else */
    @Transactional
    public Optional<Notification> archive(String recipientId, UUID notificationId) {
        Optional<Notification> found = own(recipientId, notificationId);
        found.ifPresent(n -> {
            Instant now = Instant.now();
            if (n.readAt == null) {
                n.readAt = now;
            }
            if (n.archivedAt == null) {
                n.archivedAt = now;
            }
        });
        return found;
    }

    private Optional<Notification> own(String recipientId, UUID notificationId) {
        return Notification.<Notification>findByIdOptional(notificationId).filter(n -> n.recipientId.equals(recipientId));
    }
}
