package app.rapport.clients.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;

/**
 * What each care-circle role may see of each category before the client records any decision, and
 * what no decision can ever open up. The client's consent can narrow access, never widen it past
 * {@link #neverShared}. The matrix itself is the platform's {@link ConsentRules}, shared by every service.
 */
public final class ConsentDefaults {

    private ConsentDefaults() {
    }

    public static boolean sharedByDefault(CareTeamRole role, DataCategory category) {
        return ConsentRules.start(role, category) == ConsentRules.Start.SHARED;
    }

    public static boolean neverShared(CareTeamRole role, DataCategory category) {
        return ConsentRules.start(role, category) == ConsentRules.Start.NEVER;
    }

    /** The case manager holds the record; the client's decisions address everyone else. */
    public static boolean canBeNarrowed(CareTeamRole role) {
        return ConsentRules.narrowable(role);
    }
}
