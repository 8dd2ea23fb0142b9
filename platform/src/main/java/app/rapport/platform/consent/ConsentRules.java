package app.rapport.platform.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The client's consent as every service must read it: where each care-circle role starts for each category of data,
 * what no decision can ever open, and which of the client's decisions is in force on a day. Pure, so a service feeds
 * it the decisions it learnt from consent events and the rules are tested cell by cell.
 * <ul>
 *   <li>A decision naming one member outranks one about their whole role.</li>
 *   <li>Among the decisions that have started, the latest wins: by effective day, then by when it was recorded.</li>
 *   <li>A grant past its last day shares nothing (it does not fall back to the default).</li>
 *   <li>The case manager holds the record and is never narrowed; {@link Start#NEVER} cells ignore decisions.</li>
 * </ul>
 */
public final class ConsentRules {

    /** Where a role starts for a category before the client decides anything. */
    public enum Start {
        /** Seen until the client withdraws it. */
        SHARED,
        /** Seen only once the client grants it. */
        ASK_FIRST,
        /** Never seen, whatever the client decides. */
        NEVER
    }

    /** One decision of the client about one category, for everyone in {@code role} or for one member. */
    public record Decision(DataCategory category, CareTeamRole role, UUID memberId, boolean granted,
                           LocalDate effectiveFrom, LocalDate effectiveUntil, Instant recordedAt) {

        boolean startedBy(LocalDate day) {
            return !effectiveFrom.isAfter(day);
        }

        boolean addresses(CareTeamRole recipientRole, UUID recipientMemberId) {
            return memberId == null ? role == recipientRole : memberId.equals(recipientMemberId);
        }

        boolean sharesOn(LocalDate day) {
            return granted && (effectiveUntil == null || !effectiveUntil.isBefore(day));
        }
    }

    private static final Map<CareTeamRole, Map<DataCategory, Start>> TABLE = new EnumMap<>(CareTeamRole.class);
    private static final Comparator<Decision> MEMBER_FIRST_THEN_LATEST = Comparator
            .comparing((Decision d) -> d.memberId() != null)
            .thenComparing(Decision::effectiveFrom)
            .thenComparing(Decision::recordedAt);

    static {
        Start S = Start.SHARED;
        Start A = Start.ASK_FIRST;
        Start N = Start.NEVER;
        // The design's matrix. Columns:     identity schedule goals alliance notes litigation
        TABLE.put(CareTeamRole.CASE_MANAGER, row(S, S, S, S, S, S));
        TABLE.put(CareTeamRole.THERAPIST, row(S, S, S, S, A, S));
        TABLE.put(CareTeamRole.SUPPORT_WORKER, row(S, S, S, N, N, N));
        // In litigation, alliance data could be used against the client.
        TABLE.put(CareTeamRole.SOLICITOR, row(S, A, A, N, N, S));
        TABLE.put(CareTeamRole.FAMILY, row(A, A, A, N, N, N));
    }

    private ConsentRules() {
    }

    public static Start start(CareTeamRole role, DataCategory category) {
        return TABLE.get(role).get(category);
    }

    /** Whether no decision of the client can ever open the category to the role. */
    public static boolean neverShared(CareTeamRole role, DataCategory category) {
        return start(role, category) == Start.NEVER;
    }

    /** Whether the client's decisions address this role at all. */
    public static boolean narrowable(CareTeamRole role) {
        return role != CareTeamRole.CASE_MANAGER;
    }

    /**
     * May the member (in {@code role}; {@code memberId} may be null) see the category on the day?
     *
     * @param decisions the client's decisions; those about other categories are ignored
     */
    public static boolean allows(CareTeamRole role, UUID memberId, DataCategory category, Collection<Decision> decisions,
                                 LocalDate day) {
        Start start = start(role, category);
        if (start == Start.NEVER) {
            return false;
        }
        if (!narrowable(role)) {
            return true;
        }
        return decisive(role, memberId, category, decisions, day)
                .map(d -> d.sharesOn(day))
                .orElse(start == Start.SHARED);
    }

    /** The decision that settles the question on the day, if any has started. */
    public static Optional<Decision> decisive(CareTeamRole role, UUID memberId, DataCategory category,
                                              Collection<Decision> decisions, LocalDate day) {
        return decisions.stream()
                .filter(d -> d.category() == category && d.startedBy(day) && d.addresses(role, memberId))
                .max(MEMBER_FIRST_THEN_LATEST);
    }

    private static Map<DataCategory, Start> row(Start identity, Start schedule, Start goals, Start alliance, Start notes,
                                                Start litigation) {
        Map<DataCategory, Start> row = new EnumMap<>(DataCategory.class);
        row.put(DataCategory.IDENTITY, identity);
        row.put(DataCategory.SCHEDULE, schedule);
        row.put(DataCategory.GOALS, goals);
        row.put(DataCategory.ALLIANCE, alliance);
        row.put(DataCategory.NOTES, notes);
        row.put(DataCategory.LITIGATION, litigation);
        return row;
    }
}
