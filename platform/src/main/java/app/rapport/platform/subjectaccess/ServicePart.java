package app.rapport.platform.subjectaccess;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One service's part of a subject-access export: every section of what it holds about the client (rows as JSON
 * objects) and its whole audit of the client. client-service puts the parts of every service into one document.
 */
public record ServicePart(String service, UUID clientId, Instant generatedAt, Map<String, List<JsonNode>> sections,
                          List<AuditRecord> audit) {
}
