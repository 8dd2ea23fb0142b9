package app.rapport.sessions.rest;

import app.rapport.platform.security.Roles;
import app.rapport.platform.subjectaccess.AuditPart;
import app.rapport.platform.subjectaccess.ServicePart;
import app.rapport.platform.subjectaccess.ServiceParts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** session-service's part of a client's subject-access export and audit, which client-service composes. */
@Path("/api/v1/sessions/clients/{clientId}/subject-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = ServiceParts.PRIVACY_TAG_DESCRIPTION)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.ORG_ADMIN})
public class SubjectAccessPartResource {

    @Inject
    ServiceParts parts;

    @GET
    @Operation(summary = "session-service's part of a subject-access export",
            description = "Sessions with attendance, cancellations and moves, series, contracts, confidential notes, the "
                    + "calendar feeds that show the client's sessions, and this service's audit of the client. Same rule as "
                    + "the export in client-service (case manager, team lead of the team, organisation admin). Audited.")
    public ServicePart part(@PathParam("clientId") UUID clientId) {
        return parts.part(clientId);
    }

    @GET
    @Path("/audit")
    @Operation(summary = "session-service's audit of a client",
            description = ServiceParts.AUDIT_OPERATION_DESCRIPTION)
    public AuditPart audit(@PathParam("clientId") UUID clientId, @QueryParam("until") String until,
                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return parts.audit(clientId, until, limit);
    }
}
