package app.rapport.clients.rest;

import app.rapport.clients.service.cases.CaseDetails;
import app.rapport.clients.service.cases.CaseRecords;
import app.rapport.clients.service.cases.IdempotentRequests;
import app.rapport.clients.service.cases.LitigationMilestones;
import app.rapport.clients.service.cases.MilestoneRequest;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/case")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case and litigation", description = "The case behind the referral and the claim's litigation milestones")
@SecurityRequirement(name = "jwt")
public class CaseResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

    @Inject
    CaseRecords cases;

    @Inject
    LitigationMilestones milestones;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SOLICITOR, Roles.SOLICITOR_SYSTEM})
    @Operation(operationId = "getCase", summary = "Read the client's case",
            description = "Referral, injury and rehabilitation context, funding and litigation. The firm's solicitors see "
                    + "only the litigation part; therapists do not see funding. Fields not recorded are absent.")
    public CaseView get(@PathParam("clientId") UUID clientId) {
        CaseRecords.CaseRead read = cases.read(clientId);
        return CaseView.of(clientId, read.clientCase(), read.access().relationship());
    }

    @PUT
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Replace the client's case",
            description = "Send the whole case (absent fields are cleared). firmId names the law firm acting for the client "
                    + "(its solicitors then see the client within consent); a newly named firm without a stage opens the "
                    + "claim at pre-action, the same firm without a stage keeps its stage. While the claim is open the firm cannot be removed (409 legal-hold).")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The firm cannot be removed while the claim is open")
    public CaseView replace(@PathParam("clientId") UUID clientId, @Valid @NotNull CaseDetails body) {
        CaseRecords.CaseRead read = cases.replace(clientId, body);
        return CaseView.of(clientId, read.clientCase(), read.access().relationship());
    }

    @GET
    @Path("/milestones")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SOLICITOR, Roles.SOLICITOR_SYSTEM})
    @Operation(operationId = "listMilestones", summary = "The claim's litigation milestones", description = "Latest first.")
    public List<MilestoneView> list(@PathParam("clientId") UUID clientId) {
        return milestones.list(clientId).stream().map(MilestoneView::of).toList();
    }

    @GET
    @Path("/milestones/{milestoneId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SOLICITOR, Roles.SOLICITOR_SYSTEM})
    @Operation(summary = "One litigation milestone")
    public MilestoneView milestone(@PathParam("clientId") UUID clientId, @PathParam("milestoneId") UUID milestoneId) {
        return MilestoneView.of(milestones.get(clientId, milestoneId));
    }

    @POST
    @Path("/milestones")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.SOLICITOR, Roles.SOLICITOR_SYSTEM})
    @Operation(summary = "Record a litigation milestone",
            description = "For the firm on the case (solicitors and their systems) and the case team. proceedings-issued, "
                    + "trial-date-set (dueOn = the trial date), settlement and case-closed move the claim's stage on; "
                    + "settlement and case-closed end the legal hold. Send an Idempotency-Key to retry safely: the same key "
                    + "with the same body answers with the first result (header Idempotent-Replayed: true), the same key "
                    + "with another body is refused (422). Publishes rapport.litigation.milestone-recorded.v1.")
    @APIResponse(responseCode = "201",
            description = "Recorded, or the first answer again for a retried Idempotency-Key",
            headers = {@Header(name = "Location", ref = "Location"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "No litigation on the case, or the claim is closed")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response record(@PathParam("clientId") UUID clientId, @Valid @NotNull MilestoneRequest body,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        LitigationMilestones.Recorded recorded = milestones.record(clientId, body,
                IdempotentRequests.validKey(idempotencyKey));
        Response.ResponseBuilder response = Response
                .created(urls.of("/api/v1/clients/", clientId, "/case/milestones/", recorded.milestone().id))
                .entity(MilestoneView.of(recorded.milestone()));
        if (!recorded.created()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
