package app.rapport.platform.security;

/** Role names as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String CASE_MANAGER = "case-manager";
    public static final String TEAM_LEAD = "team-lead";
    public static final String THERAPIST = "therapist";
    public static final String SUPPORT_WORKER = "support-worker";
    public static final String SOLICITOR = "solicitor";
    public static final String ORG_ADMIN = "org-admin";
    /** Machine clients of solicitors' case-management systems. */
    public static final String SOLICITOR_SYSTEM = "solicitor-system";

    private Roles() {
    }
}
