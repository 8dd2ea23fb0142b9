package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One notification waiting for (or done with) the email channel. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    /** Not sent: consent was withdrawn, the person left the circle or gave up email before it was due. */
    public static final String WITHHELD = "WITHHELD";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String link;

    @Column(nullable = false)
    public boolean digest;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
