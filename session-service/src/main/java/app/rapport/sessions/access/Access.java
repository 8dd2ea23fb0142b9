package app.rapport.sessions.access;

import app.rapport.sessions.domain.CareMember;

import java.util.Optional;
import java.util.UUID;

/** Proof that the caller may do something with a client's sessions, and the basis the audit log records. */
public record Access(UUID clientId, Relationship relationship, String basis, Optional<CareMember> membership) {

    /** Support workers see only the sessions they take part in. */
    public boolean limitedToOwnSessions() {
        return relationship == Relationship.SUPPORT_WORKER;
    }

    /** Solicitors see when sessions happen and whether they were attended, not where. */
    public boolean scheduleOnly() {
        return relationship == Relationship.SOLICITOR;
    }
}
