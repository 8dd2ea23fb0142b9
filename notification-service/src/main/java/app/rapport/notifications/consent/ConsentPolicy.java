package app.rapport.notifications.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The client's consent, decided the way client-service decides it for its own reads (its
 * {@code ConsentDefaults} and {@code ConsentLedger}): each role has defaults; some categories are never
 * shared with some roles, whatever was recorded; a decision about a named member outranks one about
 * their whole role; among equals the latest in force wins (by effective day, then by when it was
 * recorded); a grant that has run out shares nothing. The case manager holds the record and is not
 * narrowed. Pure: no database, so it is tested row by row.
 */
public final class ConsentPolicy {

    private static final Map<CareTeamRole, Set<DataCategory>> SHARED_BY_DEFAULT = new EnumMap<>(CareTeamRole.class);
    private static final Map<CareTeamRole, Set<DataCategory>> NEVER_SHARED = new EnumMap<>(CareTeamRole.class);

    static {
        SHARED_BY_DEFAULT.put(CareTeamRole.CASE_MANAGER, EnumSet.allOf(DataCategory.class));
        SHARED_BY_DEFAULT.put(CareTeamRole.THERAPIST, EnumSet.of(DataCategory.IDENTITY, DataCategory.SCHEDULE,
                DataCategory.GOALS, DataCategory.ALLIANCE, DataCategory.LITIGATION));
        SHARED_BY_DEFAULT.put(CareTeamRole.SUPPORT_WORKER, EnumSet.of(DataCategory.IDENTITY, DataCategory.SCHEDULE,
                DataCategory.GOALS));
        SHARED_BY_DEFAULT.put(CareTeamRole.SOLICITOR, EnumSet.of(DataCategory.IDENTITY, DataCategory.LITIGATION));
        SHARED_BY_DEFAULT.put(CareTeamRole.FAMILY, EnumSet.noneOf(DataCategory.class));

        NEVER_SHARED.put(CareTeamRole.CASE_MANAGER, EnumSet.noneOf(DataCategory.class));
        NEVER_SHARED.put(CareTeamRole.THERAPIST, EnumSet.noneOf(DataCategory.class));
        NEVER_SHARED.put(CareTeamRole.SUPPORT_WORKER, EnumSet.of(DataCategory.ALLIANCE, DataCategory.NOTES,
                DataCategory.LITIGATION));
        // In litigation, alliance data could be used against the client.
        NEVER_SHARED.put(CareTeamRole.SOLICITOR, EnumSet.of(DataCategory.ALLIANCE, DataCategory.NOTES));
        NEVER_SHARED.put(CareTeamRole.FAMILY, EnumSet.of(DataCategory.ALLIANCE, DataCategory.NOTES,
                DataCategory.LITIGATION));
    }

    /** One recorded decision; {@code role} or {@code memberId} names the recipient. */
    public record Decision(DataCategory category, CareTeamRole role, UUID memberId, boolean granted,
                           LocalDate effectiveFrom, LocalDate effectiveUntil, Instant recordedAt) {

        boolean startedBy(LocalDate day) {
            return !effectiveFrom.isAfter(day);
        }

        boolean sharesOn(LocalDate day) {
            return granted && (effectiveUntil == null || !effectiveUntil.isBefore(day));
        }
    }

    private static final Comparator<Decision> LATEST = Comparator.comparing(Decision::effectiveFrom)
            .thenComparing(Decision::recordedAt);

    private ConsentPolicy() {
    }

    public static boolean sharedByDefault(CareTeamRole role, DataCategory category) {
        return SHARED_BY_DEFAULT.get(role).contains(category);
    }

    public static boolean neverShared(CareTeamRole role, DataCategory category) {
        return NEVER_SHARED.get(role).contains(category);
    }

    /**
     * May the member (in the role; {@code memberId} may be null) be told something of the category
     * on the day, given the client's decisions (any categories; others are ignored)?
     */
    public static boolean allows(Collection<Decision> decisions, DataCategory category, CareTeamRole role,
                                 UUID memberId, LocalDate day) {
        if (neverShared(role, category)) {
            return false;
        }
        if (role == CareTeamRole.CASE_MANAGER) {
            return true;
        }
        return decisive(decisions, category, role, memberId, day)
                .map(d -> d.sharesOn(day))
                .orElse(sharedByDefault(role, category));
    }

    static Optional<Decision> decisive(Collection<Decision> decisions, DataCategory category, CareTeamRole role,
                                       UUID memberId, LocalDate day) {
        Optional<Decision> aboutMember = memberId == null ? Optional.empty() : decisions.stream()
                .filter(d -> d.category() == category && memberId.equals(d.memberId()) && d.startedBy(day))
                .max(LATEST);
        return aboutMember.isPresent() ? aboutMember : decisions.stream()
                .filter(d -> d.category() == category && d.memberId() == null && role == d.role() && d.startedBy(day))
                .max(LATEST);
    }
}
