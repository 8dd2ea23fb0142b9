package app.rapport.clients.access;

import app.rapport.clients.domain.ConsentDecision;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers "may this recipient see this category today?" from the client's consent records. A
 * decision about a named member outranks one about their whole role; among equals the latest
 * decision in force wins; with no decision the role's default applies.
 */
@ApplicationScoped
public class ConsentLedger {

    public static final ZoneId UK = ConsentRules.DAYS;

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentDefaults.neverShared(role, category)) {
            return false;
        }
        if (!ConsentDefaults.canBeNarrowed(role)) {
            return true;
        }
        return decisionInForce(clientId, category, role, memberId, LocalDate.now(UK))
                .map(decision -> decision == ConsentDecision.GRANTED)
                .orElse(ConsentDefaults.sharedByDefault(role, category));
    }

    Optional<ConsentDecision> decisionInForce(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId,
                                              LocalDate day) {
        // A grant that has run out no longer shares anything; a withdrawal stays in force.
        return decisiveRecord(clientId, category, role, memberId, day)
                .map(r -> r.decision == ConsentDecision.GRANTED && !r.isInForceOn(day) ? ConsentDecision.WITHDRAWN
                        : r.decision);
    }

    /**
     * The record that decides what the recipient may see of the category on the day (by the platform's
     * {@link ConsentRules}), or empty when no decision applies yet and the role's default does. {@code memberId} may be null.
     */
    public Optional<ConsentRecord> decisiveRecord(UUID clientId, DataCategory category, CareTeamRole role,
                                                  UUID memberId, LocalDate day) {
        Map<ConsentRules.Decision, ConsentRecord> byDecision = new HashMap<>();
        for (ConsentRecord r : ConsentRecord.<ConsentRecord>list("clientId = ?1 and category = ?2", clientId, category)) {
            byDecision.put(new ConsentRules.Decision(r.category, r.recipientRole, r.recipientMemberId,
                    r.decision == ConsentDecision.GRANTED, r.effectiveFrom, r.effectiveUntil, r.recordedAt), r);
        }
        return ConsentRules.decisive(role, memberId, category, byDecision.keySet(), day).map(byDecision::get);
    }
}
