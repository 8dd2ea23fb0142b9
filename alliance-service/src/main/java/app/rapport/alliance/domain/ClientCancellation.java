package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A client's cancellation of a session with one professional (for the repeated-cancellations rule). */
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

    @Column(name = "session_start", nullable = false)
    public Instant sessionStart;

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
