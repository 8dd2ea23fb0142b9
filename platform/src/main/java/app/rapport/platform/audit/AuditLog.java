package app.rapport.platform.audit;

import app.rapport.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Writes audit entries in the caller's transaction, so an entry exists exactly when its read or write happened. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID clientId, String action, String resource, String basis) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.clientId = clientId;
        entry.actorId = caller.userId();
        entry.actorRoles = String.join(",", caller.roles());
        entry.action = action;
        entry.resource = resource;
        entry.basis = basis;
        entry.persist();
    }
}
