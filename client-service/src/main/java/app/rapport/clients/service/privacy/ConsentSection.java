package app.rapport.clients.service.privacy;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ConsentRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The client's consent decisions and record-keeping agreement, for subject-access export and erasure. */
@ApplicationScoped
public class ConsentSection implements PersonalDataSection {

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public Object export(UUID clientId) {
        Map<String, Object> section = new LinkedHashMap<>();
        Client.<Client>findByIdOptional(clientId).ifPresent(client -> {
            Map<String, Object> agreement = new LinkedHashMap<>();
            agreement.put("sharedWith", client.recordsSharedWith);
            agreement.put("retention", client.recordsRetention);
            agreement.put("agreedOn", text(client.recordKeepingAgreedOn));
            section.put("recordKeeping", agreement);
        });
        List<Map<String, Object>> decisions = ConsentRecord.<ConsentRecord>list(
                "clientId = ?1 order by recordedAt, id", clientId).stream().map(ConsentSection::decision).toList();
        section.put("decisions", decisions);
        return section;
    }

    /** Decisions are deleted outright; the agreement's free text goes (the retention period stays, it governs the rest). */
    @Override
    public void erase(UUID clientId) {
        ConsentRecord.delete("clientId", clientId);
        Client.<Client>findByIdOptional(clientId).ifPresent(client -> client.recordsSharedWith = null);
    }

    private static Map<String, Object> decision(ConsentRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id.toString());
        row.put("category", r.category.wire());
        row.put("recipientRole", r.recipientRole == null ? null : r.recipientRole.wire());
        row.put("recipientMemberId", r.recipientMemberId == null ? null : r.recipientMemberId.toString());
        row.put("decision", r.decision.name().toLowerCase(Locale.ROOT));
        row.put("effectiveFrom", text(r.effectiveFrom));
        row.put("effectiveUntil", text(r.effectiveUntil));
        row.put("note", r.note);
        row.put("recordedBy", r.recordedBy);
        row.put("recordedAt", text(r.recordedAt));
        return row;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
