package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A one-time feedback link. Only the SHA-256 hash of its token is stored. */
@Entity
@Table(name = "feedback_link")
public class FeedbackLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, unique = true)
    public byte[] tokenHash;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "professional_id", nullable = false)
    public String professionalId;

    @Column(name = "measure_id", nullable = false)
    public String measureId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "response_id")
    public UUID responseId;
}
