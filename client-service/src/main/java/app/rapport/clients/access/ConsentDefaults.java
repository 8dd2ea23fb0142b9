package app.rapport.clients.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each care-circle role may see of each category before the client records any decision, and
 * what no decision can ever open up. The client's consent can narrow access, never widen it past
 * {@link #neverShared}.
 */
public final class ConsentDefaults {

    private static final Map<CareTeamRole, Set<DataCategory>> SHARED_BY_DEFAULT = new EnumMap<>(CareTeamRole.class);
    private static final Map<CareTeamRole, Set<DataCategory>> NEVER_SHARED = new EnumMap<>(CareTeamRole.class);

    static {
        SHARED_BY_DEFAULT.put(CareTeamRole.CASE_MANAGER, EnumSet.allOf(DataCategory.class));
        SHARED_BY_DEFAULT.put(CareTeamRole.THERAPIST, EnumSet.of(DataCategory.IDENTITY, DataCategory.SCHEDULE,
                DataCategory.GOALS, DataCategory.ALLIANCE, DataCategory.LITIGATION));
        SHARED_BY_DEFAULT.put(CareTeamRole.SUPPORT_WORKER, EnumSet.of(DataCategory.IDENTITY, DataCategory.SCHEDULE,
                DataCategory.GOALS));
        // A solicitor always has the client's name and case reference; schedule and goals need consent.
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

    private ConsentDefaults() {
    }

    public static boolean sharedByDefault(CareTeamRole role, DataCategory category) {
        return SHARED_BY_DEFAULT.get(role).contains(category);
    }

    public static boolean neverShared(CareTeamRole role, DataCategory category) {
        return NEVER_SHARED.get(role).contains(category);
    }

    /** The case manager holds the record; the client's decisions address everyone else. */
    public static boolean canBeNarrowed(CareTeamRole role) {
        return role != CareTeamRole.CASE_MANAGER;
    }
}
