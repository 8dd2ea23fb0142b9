package app.rapport.notifications.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.notifications.domain.ConsentDecisionRecord;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The client's consent as this service knows it from consent events, asked at the moment of delivery and decided by
 * the platform's {@link ConsentRules}, the same rules every service applies.
 */
@ApplicationScoped
public class ClientConsent {

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentRules.neverShared(role, category)) {
            return false;
        }
        List<ConsentRules.Decision> decisions = ConsentDecisionRecord.<ConsentDecisionRecord>list(
                        "clientId = ?1 and category = ?2", clientId, category).stream()
                .map(r -> new ConsentRules.Decision(r.category, r.recipientRole, r.recipientMemberId, r.granted,
                        r.effectiveFrom, r.effectiveUntil, r.recordedAt))
                .toList();
        return ConsentRules.allows(role, memberId, category, decisions, CareDays.today());
    }
}
