package app.rapport.notifications.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.notifications.domain.ConsentDecisionRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The client's consent as this service knows it from consent events, asked at the moment of delivery. */
@ApplicationScoped
public class ClientConsent {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentPolicy.neverShared(role, category)) {
            return false;
        }
        List<ConsentPolicy.Decision> decisions = ConsentDecisionRecord.<ConsentDecisionRecord>list(
                        "clientId = ?1 and category = ?2", clientId, category).stream()
                .map(r -> new ConsentPolicy.Decision(r.category, r.recipientRole, r.recipientMemberId, r.granted,
                        r.effectiveFrom, r.effectiveUntil, r.recordedAt))
                .toList();
        return ConsentPolicy.allows(decisions, category, role, memberId, LocalDate.now(UK));
    }
}
