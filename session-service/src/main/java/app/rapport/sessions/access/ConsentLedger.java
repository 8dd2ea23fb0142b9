package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.ConsentDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "May this recipient see this category today?" from the consent decisions in the read model. A
 * decision about a named member outranks one about their role; the latest decision in force wins;
 * with none, the role's default applies. Consent narrows; it never opens what is never shared.
 */
@ApplicationScoped
public class ConsentLedger {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Comparator<CareConsent> LATEST_FIRST = Comparator
            .comparing((CareConsent c) -> c.effectiveFrom)
            .thenComparing(c -> c.recordedAt)
            .thenComparing(c -> c.id)
            .reversed();

    public boolean allows(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        if (neverShared(role, category)) {
            return false;
        }
        if (role == CareTeamRole.CASE_MANAGER) {
            return true;
        }
        return decide(CareConsent.list("clientId = ?1 and category = ?2", clientId, category), category, role, memberId);
    }

    /**
     * As {@link #allows} for many clients at once, with one read of the decisions.
     *
     * @param recipients client id → how the caller is addressed in that client's circle (role and member id)
     * @return the clients whose data in the category the caller may see today
     */
    public Set<UUID> allowing(Map<UUID, CareMember> recipients, DataCategory category) {
        Set<UUID> allowed = new HashSet<>();
        List<UUID> undecided = new ArrayList<>();
        recipients.forEach((clientId, member) -> {
            if (member.role == CareTeamRole.CASE_MANAGER && !neverShared(member.role, category)) {
                allowed.add(clientId);
            } else if (!neverShared(member.role, category)) {
                undecided.add(clientId);
            }
        });
        if (undecided.isEmpty()) {
            return allowed;
        }
        Map<UUID, List<CareConsent>> byClient = CareConsent.<CareConsent>list("clientId in ?1 and category = ?2", undecided, category)
                .stream().collect(Collectors.groupingBy(c -> c.clientId));
        for (UUID clientId : undecided) {
            CareMember member = recipients.get(clientId);
            if (decide(byClient.getOrDefault(clientId, List.of()), category, member.role, member.memberId)) {
                allowed.add(clientId);
            }
        }
        return allowed;
    }

    /** The decision in force today among one client's decisions about the category, or the role's default. */
    private static boolean decide(List<CareConsent> decisions, DataCategory category, CareTeamRole role, UUID memberId) {
        LocalDate today = LocalDate.now(UK);
        Optional<CareConsent> aboutMember = memberId == null ? Optional.empty() : decisions.stream()
                .filter(c -> memberId.equals(c.recipientMemberId) && !c.effectiveFrom.isAfter(today))
                .min(LATEST_FIRST);
        Optional<CareConsent> decisive = aboutMember.isPresent() ? aboutMember : decisions.stream()
                .filter(c -> role == c.recipientRole && !c.effectiveFrom.isAfter(today))
                .min(LATEST_FIRST);
        return decisive.map(c -> c.decision == ConsentDecision.GRANTED && c.isInForceOn(today))
                .orElse(sharedByDefault(role, category));
    }

    static boolean sharedByDefault(CareTeamRole role, DataCategory category) {
        return switch (role) {
            case CASE_MANAGER -> true;
            case THERAPIST -> category != DataCategory.NOTES;
            case SUPPORT_WORKER -> category == DataCategory.SCHEDULE;
            case SOLICITOR, FAMILY -> false;
        };
    }

    static boolean neverShared(CareTeamRole role, DataCategory category) {
        return switch (role) {
            case CASE_MANAGER -> false;
            // A therapist reads the notes they wrote; that is decided per note, not by consent.
            case THERAPIST -> false;
            case SUPPORT_WORKER, SOLICITOR, FAMILY -> category == DataCategory.NOTES || category == DataCategory.ALLIANCE;
        };
    }
}
