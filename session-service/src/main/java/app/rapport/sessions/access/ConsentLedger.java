package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.platform.time.CareDays;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.ConsentDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "May this recipient see this category today?" from the consent decisions in the read model, decided by the
 * platform's {@link ConsentRules}, the same rules every service applies.
 */
@ApplicationScoped
public class ConsentLedger {

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (ConsentRules.neverShared(role, category)) {
            return false;
        }
        return ConsentRules.allows(role, memberId, category,
                decisions(CareConsent.list("clientId = ?1 and category = ?2", clientId, category)), CareDays.today());
    }

    /**
     * As {@link #allows} for many clients at once, with one read of the decisions.
     *
     * @param recipients client id → how the caller is addressed in that client's circle (role and member id)
     * @return the clients whose data in the category the caller may see today
     */
    public Set<UUID> allowing(Map<UUID, CareMember> recipients, DataCategory category) {
        List<UUID> possible = recipients.entrySet().stream()
                .filter(e -> !ConsentRules.neverShared(e.getValue().role, category))
                .map(Map.Entry::getKey).toList();
        Set<UUID> allowed = new HashSet<>();
        if (possible.isEmpty()) {
            return allowed;
        }
        Map<UUID, List<CareConsent>> byClient = CareConsent.<CareConsent>list("clientId in ?1 and category = ?2", possible, category)
                .stream().collect(Collectors.groupingBy(c -> c.clientId));
        for (UUID clientId : possible) {
            CareMember member = recipients.get(clientId);
            if (ConsentRules.allows(member.role, member.memberId, category,
                    decisions(byClient.getOrDefault(clientId, List.of())), CareDays.today())) {
                allowed.add(clientId);
            }
        }
        return allowed;
    }

    private static List<ConsentRules.Decision> decisions(List<CareConsent> records) {
        return records.stream()
                .map(c -> new ConsentRules.Decision(c.category, c.recipientRole, c.recipientMemberId,
                        c.decision == ConsentDecision.GRANTED, c.effectiveFrom, c.effectiveUntil, c.recordedAt))
                .toList();
    }
}
