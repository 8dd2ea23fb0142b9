package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A session as session-service announced it (session.* events): whose it is, with whom, when, and how it went.
 * alliance-service never reads session-service's database; this is what it knows of sessions.
 */
@Entity
@Table(name = "session_ref")
public class SessionRef extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String ATTENDED = "attended";
    public static final String MISSED = "missed";
    public static final String CANCELLED = "cancelled";
    public static final String RESCHEDULED = "rescheduled";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** Known from session.scheduled and session.rescheduled; the other events do not carry it. */
    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(nullable = false)
    public String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_ref_professional", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "professional_id", nullable = false)
    public Set<String> professionalIds = new LinkedHashSet<>();

    /** Whether the session can still have feedback: it was not cancelled, missed or moved to another time. */
    public boolean tookOrWillTakePlace() {
        return SCHEDULED.equals(status) || ATTENDED.equals(status);
    }
}
