package app.rapport.alliance.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One of the client's decisions about their alliance data, as client-service announced it. History is kept. */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The care-circle role addressed, as events spell it; null when one member is. */
    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "recipient_member_id")
    public UUID recipientMemberId;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    /** When the decision was announced (the event's time). */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<ConsentRules.Decision> forClient(UUID clientId) {
        return ConsentDecision.<ConsentDecision>list("clientId", clientId).stream().map(ConsentDecision::rule).toList();
    }

    private ConsentRules.Decision rule() {
        return new ConsentRules.Decision(DataCategory.ALLIANCE,
                recipientRole == null ? null : CareTeamRole.fromWire(recipientRole), recipientMemberId, granted,
                effectiveFrom, effectiveUntil, recordedAt);
    }
}
