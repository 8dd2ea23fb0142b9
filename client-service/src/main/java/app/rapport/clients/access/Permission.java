package app.rapport.clients.access;

import app.rapport.contract.DataCategory;

import java.util.EnumSet;
import java.util.Set;

import static app.rapport.clients.access.Relationship.CASE_MANAGER;
import static app.rapport.clients.access.Relationship.ORG_ADMIN;
import static app.rapport.clients.access.Relationship.SOLICITOR;
import static app.rapport.clients.access.Relationship.SUPPORT_WORKER;
import static app.rapport.clients.access.Relationship.TEAM_LEAD;
import static app.rapport.clients.access.Relationship.THERAPIST;

/**
 * Everything that can be done with a client's record, who may do it, and which data category the
 * client's consent decisions about it are expressed in. This table is the design's access matrix.
 */
public enum Permission {
    PROFILE_READ("read", "profile", DataCategory.IDENTITY, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER, SOLICITOR)),
    PROFILE_WRITE("write", "profile", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    CARE_CIRCLE_READ("read", "care-circle", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER)),
    CARE_CIRCLE_WRITE("write", "care-circle", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    CONSENT_READ("read", "consent", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER)),
    CONSENT_WRITE("write", "consent", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    GOALS_READ("read", "goals", DataCategory.GOALS, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER, SOLICITOR)),
    GOALS_WRITE("write", "goals", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST)),
    CASE_READ("read", "case", DataCategory.LITIGATION, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SOLICITOR)),
    CASE_WRITE("write", "case", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    MILESTONE_WRITE("write", "litigation-milestone", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, SOLICITOR)),
    DISCHARGE("write", "discharge", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    AUDIT_READ("read", "audit", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, ORG_ADMIN)),
    EXPORT("read", "subject-access-export", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, ORG_ADMIN)),
    ERASE("write", "erasure", null, EnumSet.of(CASE_MANAGER, ORG_ADMIN));

    private final String action;
    private final String resource;
    private final DataCategory category;
    private final Set<Relationship> allowed;

    Permission(String action, String resource, DataCategory category, Set<Relationship> allowed) {
        this.action = action;
        this.resource = resource;
        this.category = category;
        this.allowed = allowed;
    }

    /** {@code read} or {@code write}, as the audit log records it. */
    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The category a consent decision must allow, or null when the relationship alone decides. */
    public DataCategory consentCategory() {
        return category;
    }

    public boolean allows(Relationship relationship) {
        return allowed.contains(relationship);
    }
}
