package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A booked session with one professional that the client gave up: cancelled, or moved at their request
 * ({@link #rescheduled}). For the repeated-cancellations and repeated-rescheduling rules.
 */
@Entity
@Table(name = "client_cancellation")
@IdClass(ClientCancellation.Key.class)
public class ClientCancellation extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "professional_id")
    public String professionalId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The session's start (for a move, the original start). */
    @Column(name = "session_start", nullable = false)
    public Instant sessionStart;

    /** Moved at the client's request rather than cancelled. */
    @Column(nullable = false)
    public boolean rescheduled;

    /**
     * Start times of the client's other cancellations (or moves) of sessions with the professional, and records this
     * one, unless a redelivery recorded it already.
     */
    public static List<Instant> earlierAndRecord(UUID clientId, String professionalId, UUID sessionId, Instant start,
                                                 boolean rescheduled) {
        List<Instant> earlier = ClientCancellation.<ClientCancellation>list(
                        "clientId = ?1 and professionalId = ?2 and sessionId <> ?3 and rescheduled = ?4",
                        clientId, professionalId, sessionId, rescheduled).stream()
                .map(c -> c.sessionStart).toList();
        Key key = new Key();
        key.sessionId = sessionId;
        key.professionalId = professionalId;
        if (findById(key) == null) {
            ClientCancellation row = new ClientCancellation();
            row.sessionId = sessionId;
            row.professionalId = professionalId;
            row.clientId = clientId;
            row.sessionStart = start;
            row.rescheduled = rescheduled;
            row.persist();
        }
        return earlier;
    }

    public static class Key implements Serializable {
        public UUID sessionId;
        public String professionalId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(professionalId, k.professionalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, professionalId);
        }
    }
}
