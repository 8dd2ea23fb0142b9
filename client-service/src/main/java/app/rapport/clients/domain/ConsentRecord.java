package app.rapport.clients.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One decision by the client about one category of their data and one recipient (everyone in a
 * care-circle role, or one named member). Records are only ever added, so the history is kept.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

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

    /** The client's own words about the decision, if they gave any. */
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public boolean isInForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }
}
