package app.rapport.notifications.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One consent decision (granted or withdrawn) as client-service announced it; kept as history. */
@Entity
@Table(name = "consent_decision")
public class ConsentDecisionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Convert(converter = WireConverters.Category.class)
    @Column(nullable = false)
    public DataCategory category;

    @Convert(converter = WireConverters.Role.class)
    @Column(name = "recipient_role")
    public CareTeamRole recipientRole;

    @Column(name = "recipient_member_id")
    public UUID recipientMemberId;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
