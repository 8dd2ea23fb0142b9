package app.rapport.clients.service.privacy;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.Permission;
import app.rapport.platform.audit.AuditEntry;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.subjectaccess.AuditPart;
import app.rapport.platform.subjectaccess.AuditRecord;
import app.rapport.platform.subjectaccess.ServiceParts;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads a client's audit log across every service, newest first, each entry saying which service recorded it.
 * client-service's own entries are merged with the other services' (asked with the caller's token, as for the
 * export): complete or refused. Reading it is itself audited, and new entries keep arriving, so a page is taken
 * from a snapshot: {@code asOf} is the moment the first page saw (microseconds since the epoch); passing it back
 * keeps later pages from shifting.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Comparator<AuditRecord> NEWEST_FIRST = Comparator.comparing(AuditRecord::at).reversed()
            .thenComparing(AuditRecord::service).thenComparing(Comparator.comparingLong(AuditRecord::id).reversed());

    /** {@code services}: whose entries the page is merged from. */
    public record AuditPage(List<AuditRecord> entries, int page, int size, long total, long asOf, List<String> services) {
    }

    @Inject
    ClientAccess access;

    @Inject
    PeerParts peers;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Transactional
    public AuditPage read(UUID clientId, int page, int size, Long asOf) {
        if ((long) (page + 1) * size > ServiceParts.MAX_AUDIT_LIMIT) {
            throw ProblemException.invalidField("page", "page × size may reach at most " + ServiceParts.MAX_AUDIT_LIMIT
                    + " entries; narrow the search with asOf");
        }
        Access granted = access.require(clientId, Permission.AUDIT_READ);
        AuditEntry.flush(); // so this read's own entry is in the snapshot
        long snapshot = asOf != null ? asOf : ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        Instant until = Instant.EPOCH.plus(snapshot, ChronoUnit.MICROS);
        int limit = (page + 1) * size;

        List<AuditPart> parts = new ArrayList<>();
        parts.add(own(clientId, until, limit));
        // An erased client's copies in the other services went with the erasure; what they audited stays there,
        // but no service can tell any more who may read it, so the view is client-service's record of the client.
        if (!granted.client().isErased()) {
            parts.addAll(peers.audits(clientId, until, limit));
        }
        List<AuditRecord> merged = parts.stream().flatMap(p -> p.entries().stream()).sorted(NEWEST_FIRST).toList();
        List<AuditRecord> onPage = merged.subList(Math.min(page * size, merged.size()), Math.min(limit, merged.size()));
        return new AuditPage(onPage, page, size, parts.stream().mapToLong(AuditPart::total).sum(), snapshot,
                parts.stream().map(AuditPart::service).toList());
    }

    private AuditPart own(UUID clientId, Instant until, int limit) {
        Parameters where = Parameters.with("client", clientId).and("until", until);
        String query = "clientId = :client and at <= :until";
        List<AuditRecord> entries = AuditEntry.<AuditEntry>find(query, Sort.descending("at").and("id", Sort.Direction.Descending), where)
                .range(0, limit - 1).list().stream().map(e -> AuditRecord.of(service, e)).toList();
        return new AuditPart(service, AuditEntry.count(query, where), entries);
    }
}
