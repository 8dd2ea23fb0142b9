package app.rapport.clients.access;

import app.rapport.contract.CareTeamRole;

/** How the caller stands to one client; decides what they may do with the client's record. */
public enum Relationship {
    CASE_MANAGER(CareTeamRole.CASE_MANAGER),
    THERAPIST(CareTeamRole.THERAPIST),
    SUPPORT_WORKER(CareTeamRole.SUPPORT_WORKER),
    /** A solicitor (or their firm's system) whose firm the client's case names. */
    SOLICITOR(CareTeamRole.SOLICITOR),
    /** Leads the team the client belongs to. */
    TEAM_LEAD(null),
    /** Administers the organisation holding the client: audit, export and erasure, not the record itself. */
    ORG_ADMIN(null);

    private final CareTeamRole careTeamRole;

    Relationship(CareTeamRole careTeamRole) {
        this.careTeamRole = careTeamRole;
    }

    /** The care-circle role that consent decisions address, if this relationship is one. */
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
