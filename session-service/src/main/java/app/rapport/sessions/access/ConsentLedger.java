package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.ConsentDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * "May this recipient see this category today?" from the consent decisions in the read model, decided by the
 * platform's {@link ConsentRules}, the same rules every service applies.
 */
@ApplicationScoped
public class ConsentLedger {

    public static final ZoneId UK = ConsentRules.DAYS;

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentRules.start(role, category) == ConsentRules.Start.NEVER) {
            return false;
        }
        List<ConsentRules.Decision> decisions = CareConsent.<CareConsent>list("clientId = ?1 and category = ?2", clientId, category)
                .stream()
                .map(c -> new ConsentRules.Decision(c.category, c.recipientRole, c.recipientMemberId,
                        c.decision == ConsentDecision.GRANTED, c.effectiveFrom, c.effectiveUntil, c.recordedAt))
                .toList();
        return ConsentRules.allows(role, memberId, category, decisions, ConsentRules.today());
    }
}
