package app.rapport.clients.rest;

import app.rapport.clients.domain.ConsentRecord;
import app.rapport.clients.service.consent.ClientConsent;
import app.rapport.clients.service.consent.ConsentRequest;
import app.rapport.clients.service.consent.RecordKeepingRequest;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/clients/{clientId}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "What the client agrees to share, with whom, and how long records are kept")
@SecurityRequirement(name = "jwt")
public class ConsentResource {

    @Inject
    ClientConsent consent;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(operationId = "readConsent", summary = "Read a client's consent",
            description = "What each recipient (each care-circle role, and each member of the circle) may see of each data "
                    + "category today and why (default, decision, expired grant, never shared), every decision newest "
                    + "first, and the record-keeping agreement. Case managers always see everything and are not listed.")
    public ConsentView read(@PathParam("clientId") UUID clientId) {
        return ConsentView.of(consent.read(clientId));
    }

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record a consent decision",
            description = "Grants or withdraws one category for one recipient (recipientRole or recipientMemberId, exactly one). "
                    + "effectiveFrom defaults to today (Europe/London) and cannot be in the past; only grants may end "
                    + "(effectiveUntil). Alliance and session-note data can never be granted to solicitors or family (422). "
                    + "Takes effect with the next request. Publishes rapport.consent.granted.v1 or rapport.consent.withdrawn.v1.")
    @APIResponse(responseCode = "201", description = "Decided",
            content = @Content(schema = @Schema(implementation = ConsentView.Decision.class)))
    @APIResponse(responseCode = "422", description = "That category may never be shared with that recipient")
    public Response decide(@PathParam("clientId") UUID clientId, @Valid @NotNull ConsentRequest body) {
        ConsentRecord record = consent.decide(clientId, body);
        return Response.status(Response.Status.CREATED).entity(ConsentView.Decision.of(record)).build();
    }

    @PUT
    @Path("/record-keeping")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record the client's record-keeping agreement",
            description = "Who the client agreed may see their records, how long they are kept after discharge (ISO-8601 "
                    + "period, P0D to P100Y, e.g. P8Y) and the day they agreed.")
    public ConsentView.RecordKeeping agreeRecordKeeping(@PathParam("clientId") UUID clientId,
                                                        @Valid @NotNull RecordKeepingRequest body) {
        return ConsentView.RecordKeeping.of(consent.agreeRecordKeeping(clientId, body));
    }
}
