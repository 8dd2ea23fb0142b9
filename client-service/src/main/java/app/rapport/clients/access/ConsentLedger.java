package app.rapport.clients.access;

import app.rapport.clients.domain.ConsentDecision;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers "may this recipient see this category today?" from the client's consent records, by the platform's
 * {@link ConsentRules}: a decision about a named member outranks one about their whole role; among equals the latest
 * decision in force wins; with no decision the role's default applies.
 */
@ApplicationScoped
public class ConsentLedger {

    /** The client's recorded decisions about one category, read once and asked as often as needed. */
    public static final class Decisions {

        private final DataCategory category;
        private final Map<ConsentRules.Decision, ConsentRecord> records = new HashMap<>();

        private Decisions(DataCategory category) {
            this.category = category;
        }

        public boolean allow(CareTeamRole role, UUID memberId, LocalDate day) {
            return ConsentRules.allows(role, memberId, category, records.keySet(), day);
        }

        /** The record that settles it on the day, or empty when the role's default applies. {@code memberId} may be null. */
        public Optional<ConsentRecord> decisiveRecord(CareTeamRole role, UUID memberId, LocalDate day) {
            return ConsentRules.decisive(role, memberId, category, records.keySet(), day).map(records::get);
        }
    }

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentRules.neverShared(role, category)) {
            return false; // no need to read the decisions
        }
        return decisions(clientId, category).allow(role, memberId, CareDays.today());
    }

    public Decisions decisions(UUID clientId, DataCategory category) {
        Decisions decisions = new Decisions(category);
        for (ConsentRecord r : ConsentRecord.<ConsentRecord>list("clientId = ?1 and category = ?2", clientId, category)) {
            decisions.records.put(new ConsentRules.Decision(r.category, r.recipientRole, r.recipientMemberId,
                    r.decision == ConsentDecision.GRANTED, r.effectiveFrom, r.effectiveUntil, r.recordedAt), r);
        }
        return decisions;
    }
}
