package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;

/** How the caller stands to one client, as far as session-service knows from the care-circle read model. */
public enum Relationship {
    CASE_MANAGER(CareTeamRole.CASE_MANAGER),
    THERAPIST(CareTeamRole.THERAPIST),
    SUPPORT_WORKER(CareTeamRole.SUPPORT_WORKER),
    SOLICITOR(CareTeamRole.SOLICITOR),
    /** Leads the team the client belongs to. */
    TEAM_LEAD(null);

    private final CareTeamRole careTeamRole;

    Relationship(CareTeamRole careTeamRole) {
        this.careTeamRole = careTeamRole;
    }

    /** The care-circle role consent decisions address, if any. */
    public CareTeamRole careTeamRole() {
        return careTeamRole;
    }

    public static Relationship of(CareTeamRole role) {
        return switch (role) {
            case CASE_MANAGER -> CASE_MANAGER;
            case THERAPIST -> THERAPIST;
            case SUPPORT_WORKER -> SUPPORT_WORKER;
            case SOLICITOR -> SOLICITOR;
            case FAMILY -> throw new IllegalArgumentException("family members have no account");
        };
    }
}
