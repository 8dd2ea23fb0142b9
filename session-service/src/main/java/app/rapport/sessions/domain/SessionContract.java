package app.rapport.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Sessions agreed for one client–professional pair. */
@Entity
@Table(name = "session_contract")
public class SessionContract extends PanacheEntityBase {

    public enum EndingKind { PLANNED, UNPLANNED }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "professional_id", nullable = false)
    public String professionalId;

    @Column(name = "sessions_agreed", nullable = false)
    public int sessionsAgreed;

    /** Free-form agreed rhythm, e.g. {@code weekly}. */
    public String frequency;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    /** When session.ending-approaching was published; it is published once per contract. */
    @Column(name = "ending_raised_at")
    public Instant endingRaisedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ending_kind")
    public EndingKind endingKind;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<SessionContract> open(UUID clientId, String professionalId) {
        return find("clientId = ?1 and professionalId = ?2 and endedOn is null", clientId, professionalId).firstResultOptional();
    }
}
