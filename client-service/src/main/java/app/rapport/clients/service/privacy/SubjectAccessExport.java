package app.rapport.clients.service.privacy;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.Permission;
import app.rapport.contract.EventType;
import app.rapport.contract.client.SubjectAccessRequested;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.security.Caller;
import app.rapport.platform.subjectaccess.ServicePart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Rapport holds about a client, in one document: client-service's personal-data sections and the part
 * of every other service, asked for with the caller's token. The export is complete or refused: if a service cannot
 * answer, the request fails with a 503 naming it and nothing is recorded. {@code client.subject-access-requested}
 * then announces the finished export under its request id.
 */
@ApplicationScoped
public class SubjectAccessExport {

    /** {@code sections}: client-service's own; {@code services}: every other service's part, by service name. */
    public record ExportDocument(UUID clientId, String clientReference, Instant generatedAt, UUID requestId,
                                 String requestedBy, Map<String, Object> sections, Map<String, ServicePart> services) {
    }

    @Inject
    ClientAccess access;

    @Inject
    PersonalDataSections sections;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Inject
    PeerParts peers;

    @Transactional
    public ExportDocument export(UUID clientId) {
        Access granted = access.require(clientId, Permission.EXPORT);
        // Asked after client-service's own check, so a caller it refuses never reaches the other services.
        Map<String, ServicePart> services = peers.parts(clientId);
        UUID requestId = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        sections.all().forEach(section -> content.put(section.name(), section.export(clientId)));
        outbox.append(EventType.CLIENT_SUBJECT_ACCESS_REQUESTED, clientId, granted.client().organisationId,
                granted.client().teamId, new SubjectAccessRequested(clientId, requestId, caller.userId()));
        return new ExportDocument(clientId, granted.client().reference, Instant.now(), requestId, caller.userId(), content,
                services);
    }
}
