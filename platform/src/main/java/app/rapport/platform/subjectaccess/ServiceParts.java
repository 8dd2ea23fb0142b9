package app.rapport.platform.subjectaccess;

import app.rapport.platform.audit.AuditEntry;
import app.rapport.platform.audit.AuditLog;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers a service's part of a client's subject-access export, and its audit of the client, to whoever
 * {@link ExportRule} allows. Both reads are audited in the same transaction, so the part includes its own entry.
 */
@ApplicationScoped
public class ServiceParts {

    /** The API documents' tag for each service's part; it reads the same in every service. */
    public static final String PRIVACY_TAG_DESCRIPTION = "This service's part of a client's subject-access export and "
            + "audit, which client-service composes into one document";

    /** How each service's audit endpoint describes itself in its API document; it reads the same in every service. */
    public static final String AUDIT_OPERATION_DESCRIPTION = "The newest `limit` entries recorded up to `until` (ISO "
            + "instant, default now), newest first, with the total up to then. Read through the client's audit view in "
            + "client-service. Audited.";

    // An Instance: client-service and the web client use the platform too, and define no part of their own.
    @Inject
    Instance<ClientDataDefinition> definitions;

    @Inject
    ExportRule rule;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Transactional
    public ServicePart part(UUID clientId) {
        ClientDataDefinition definition = definitions.get();
        String basis = rule.require(clientId, definition.facts(clientId, caller.userId()));
        audit.record(clientId, "read", "subject-access-export", basis);
        Map<String, List<JsonNode>> sections = new LinkedHashMap<>();
        definition.sections().forEach(section -> sections.put(section.name(), rows(section, clientId)));
        AuditEntry.flush();
        List<AuditRecord> entries = AuditEntry.<AuditEntry>list("clientId", Sort.descending("at").and("id", Sort.Direction.Descending), clientId)
                .stream().map(e -> AuditRecord.of(service, e)).toList();
        return new ServicePart(service, clientId, Instant.now(), sections, entries);
    }

    /** Largest page of audit entries one request may ask a service for. */
    public static final int MAX_AUDIT_LIMIT = 10_000;

    /**
     * The newest {@code limit} entries recorded up to {@code until} (an ISO instant; default now), and how many there
     * are in all up to then: enough for client-service to merge every service's entries into one page.
     */
    @Transactional
    public AuditPart audit(UUID clientId, String untilText, int limit) {
        Instant given = parseUntil(untilText);
        if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_AUDIT_LIMIT);
        }
        String basis = rule.require(clientId, definitions.get().facts(clientId, caller.userId()));
        audit.record(clientId, "read", "audit", basis);
        AuditEntry.flush();
        // Without an `until`, up to now: this read's own entry included.
        Instant until = given != null ? given : Instant.now();
        Parameters where = Parameters.with("client", clientId).and("until", until);
        String query = "clientId = :client and at <= :until";
        List<AuditRecord> entries = AuditEntry.<AuditEntry>find(query, Sort.descending("at").and("id", Sort.Direction.Descending), where)
                .range(0, limit - 1).list().stream().map(e -> AuditRecord.of(service, e)).toList();
        return new AuditPart(service, AuditEntry.count(query, where), entries);
    }

    private static Instant parseUntil(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("until", "must be an ISO instant such as 2026-01-31T12:00:00Z");
        }
    }

    private List<JsonNode> rows(ClientDataSection section, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery(section.sql()).setParameter(1, clientId).getResultList();
        return rows.stream().map(row -> {
            try {
                return json.readTree(row.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Section " + section.name() + " did not answer JSON", e);
            }
        }).toList();
    }
}
