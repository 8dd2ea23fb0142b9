package app.rapport.clients.service.privacy;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.Permission;
import app.rapport.contract.EventType;
import app.rapport.contract.client.SubjectAccessRequested;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything client-service holds about a client, in one document, from every personal-data
 * section. {@code client.subject-access-requested} asks the other services for their part under
 * the same request id.
 */
@ApplicationScoped
public class SubjectAccessExport {

    public record ExportDocument(UUID clientId, String clientReference, Instant generatedAt, UUID requestId,
                                 String requestedBy, Map<String, Object> sections) {
    }

    @Inject
    ClientAccess access;

    @Inject
    PersonalDataSections sections;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public ExportDocument export(UUID clientId) {
        Access granted = access.require(clientId, Permission.EXPORT);
        UUID requestId = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        sections.all().forEach(section -> content.put(section.name(), section.export(clientId)));
        outbox.append(EventType.CLIENT_SUBJECT_ACCESS_REQUESTED, clientId, granted.client().organisationId,
                granted.client().teamId, new SubjectAccessRequested(clientId, requestId, caller.userId()));
        return new ExportDocument(clientId, granted.client().reference, Instant.now(), requestId, caller.userId(), content);
    }
}
