package app.rapport.clients.rest;

import app.rapport.clients.service.privacy.AuditTrail;
import app.rapport.platform.input.Paging;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "The subject-access export and the audit of who read or changed a client's data")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    /** {@code service}: which service recorded the entry; {@code id} is unique within that service. */
    public record AuditItem(String service, long id, Instant at, String actorId, String actorRoles, String action,
                            String resource, String basis) {
    }

    public record AuditPageView(List<AuditItem> items, int page, int size, long total, long asOf, List<String> services) {
    }

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.ORG_ADMIN})
    @Operation(operationId = "readAudit", summary = "Who read or changed the client's record",
            description = "Every service's entries about the client, newest first, each naming the service that recorded it "
                    + "(complete, or 503 naming the service that could not answer). Reading the audit log is itself audited, "
                    + "so pages come from a snapshot: pass the asOf of the first page to later pages and they will not shift. "
                    + "After erasure, client-service's entries only (services says whose entries a page holds).")
    @APIResponse(responseCode = "200", description = "One page of the client's audit, every service's entries",
            content = @Content(schema = @Schema(implementation = AuditPageView.class)))
    @APIResponse(responseCode = "503", description = "Another service could not give its entries (peer-unavailable names it)")
    public AuditPageView read(@PathParam("clientId") UUID clientId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(value = Paging.LAST_PAGE, message = Paging.LAST_PAGE_MESSAGE) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                              @QueryParam("asOf") @Min(1) Long asOf) {
        AuditTrail.AuditPage result = trail.read(clientId, page, size, asOf);
        return new AuditPageView(result.entries().stream()
                .map(e -> new AuditItem(e.service(), e.id(), e.at(), e.actorId(), e.actorRoles(), e.action(), e.resource(), e.basis()))
                .toList(), result.page(), result.size(), result.total(), result.asOf(), result.services());
    }
}
