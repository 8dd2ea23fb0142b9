package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.ConsentDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        LocalDate today = LocalDate.now(UK);
        List<CareConsent> decisions = CareConsent.list("clientId = ?1 and category = ?2", clientId, category);
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
