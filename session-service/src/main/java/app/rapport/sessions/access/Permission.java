package app.rapport.sessions.access;

import app.rapport.contract.DataCategory;

import java.util.EnumSet;
import java.util.Set;

import static app.rapport.sessions.access.Relationship.CASE_MANAGER;
import static app.rapport.sessions.access.Relationship.SOLICITOR;
import static app.rapport.sessions.access.Relationship.SUPPORT_WORKER;
import static app.rapport.sessions.access.Relationship.TEAM_LEAD;
import static app.rapport.sessions.access.Relationship.THERAPIST;

/**
 * What can be done with a client's sessions and by whom: the schedule-and-attendance and session-notes
 * rows of the design's access matrix. Support workers are further limited to sessions they take part
 * in, therapists to notes they wrote (see {@link SessionAccess} and the notes use case). Notes are never
 * opened up by consent: the author and the case manager read them, nobody else.
 */
public enum Permission {
    SCHEDULE_READ("read", "sessions", DataCategory.SCHEDULE, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER, SOLICITOR)),
    SCHEDULE_WRITE("write", "sessions", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST)),
    ATTENDANCE_WRITE("write", "attendance", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER)),
    CONTRACT_READ("read", "session-contracts", DataCategory.SCHEDULE, EnumSet.of(CASE_MANAGER, TEAM_LEAD, THERAPIST)),
    CONTRACT_WRITE("write", "session-contracts", null, EnumSet.of(CASE_MANAGER, TEAM_LEAD)),
    NOTES_READ("read", "session-notes", null, EnumSet.of(CASE_MANAGER, THERAPIST)),
    NOTES_WRITE("write", "session-notes", null, EnumSet.of(CASE_MANAGER, THERAPIST));

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

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public DataCategory consentCategory() {
        return category;
    }

    public boolean allows(Relationship relationship) {
        return allowed.contains(relationship);
    }
}
