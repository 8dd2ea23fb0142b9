package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Something one person should know, delivered on one channel. Carries no clinical detail. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String title;

    /** Where to act, as a path in the web client. */
    @Column(nullable = false)
    public String link;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    /** The data category the notification reveals (absent on items from before routing knew it). */
    public String category;

    /** Increases with every delivery: the live stream's event id, from which a reconnect resumes. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
