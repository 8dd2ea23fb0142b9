package app.rapport.sessions.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One consent decision (grant or withdrawal) as learnt from consent.granted / consent.withdrawn. */
@Entity
@Table(name = "care_consent")
public class CareConsent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DataCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role")
    public CareTeamRole recipientRole;

    @Column(name = "recipient_member_id")
    public UUID recipientMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentDecision decision;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    /** When the event announcing the decision was published; orders decisions made on the same day. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public boolean isInForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }
}
