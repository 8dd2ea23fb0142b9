package app.rapport.platform.subjectaccess;

import app.rapport.platform.audit.AuditEntry;

import java.time.Instant;
import java.util.UUID;

/** One audit entry as the client's audit view and export show it, saying which service recorded it. */
public record AuditRecord(String service, long id, Instant at, UUID clientId, String actorId, String actorRoles,
                          String action, String resource, String basis) {

    public static AuditRecord of(String service, AuditEntry e) {
        return new AuditRecord(service, e.id, e.at, e.clientId, e.actorId, e.actorRoles, e.action, e.resource, e.basis);
    }
}
