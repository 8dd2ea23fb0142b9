package app.rapport.clients.service.privacy;

import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.Permission;
import app.rapport.platform.audit.AuditEntry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Reads a client's audit log, newest first. Reading it is itself audited, and new entries keep
 * arriving, so a page is taken from a snapshot: {@code asOf} is the newest entry id the first page
 * saw; passing it back keeps later pages from shifting.
 */
@ApplicationScoped
public class AuditTrail {

    public record AuditPage(List<AuditEntry> entries, int page, int size, long total, long asOf) {
    }

    @Inject
    ClientAccess access;

    @Transactional
    public AuditPage read(UUID clientId, int page, int size, Long asOf) {
        access.require(clientId, Permission.AUDIT_READ);
        AuditEntry.flush(); // so this read's own entry has its id and counts in the snapshot
        long snapshot = asOf != null ? asOf
                : AuditEntry.getEntityManager()
                .createQuery("select max(e.id) from AuditEntry e where e.clientId = :client", Long.class)
                .setParameter("client", clientId).getSingleResult();
        Parameters where = Parameters.with("client", clientId).and("asOf", snapshot);
        String query = "clientId = :client and id <= :asOf";
        List<AuditEntry> entries = AuditEntry.find(query, Sort.descending("at").and("id", Sort.Direction.Descending), where)
                .page(Page.of(page, size)).list();
        return new AuditPage(entries, page, size, AuditEntry.count(query, where), snapshot);
    }
}
