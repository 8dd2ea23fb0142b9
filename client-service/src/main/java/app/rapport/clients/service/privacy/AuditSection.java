package app.rapport.clients.service.privacy;

import app.rapport.platform.audit.AuditEntry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who read or changed the client's record: the client is entitled to know. Export only: the entries
 * hold ids, no personal data, and stay after erasure as the record of what was done.
 */
@ApplicationScoped
public class AuditSection implements PersonalDataSection {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Object export(UUID clientId) {
        List<AuditEntry> entries = AuditEntry.list("clientId", Sort.descending("at").and("id", Sort.Direction.Descending),
                clientId);
        return entries.stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", e.at);
            item.put("actorId", e.actorId);
            item.put("actorRoles", e.actorRoles);
            item.put("action", e.action);
            item.put("resource", e.resource);
            item.put("basis", e.basis);
            return item;
        }).toList();
    }

    @Override
    public void erase(UUID clientId) {
        // Kept on purpose: ids only, and the proof of who did what, including the erasure itself.
    }
}
