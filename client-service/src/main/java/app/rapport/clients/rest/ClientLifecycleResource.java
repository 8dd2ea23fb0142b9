package app.rapport.clients.rest;

import app.rapport.clients.domain.Client;
import app.rapport.clients.service.ClientDischarge;
import app.rapport.clients.service.DischargeRequest;
import app.rapport.clients.service.privacy.Erasure;
import app.rapport.clients.service.privacy.ErasureRequest;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** The end of a client's record: discharge, then (after the record-keeping period) erasure. */
@Path("/api/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Registering clients, their profile, the caseload, discharge and erasure")
@SecurityRequirement(name = "jwt")
public class ClientLifecycleResource {

    /** What is left to say about an erased client. */
    public record ErasureView(UUID clientId, String reference, String status, Instant erasedAt, String erasedBy) {
    }

    @Inject
    ClientDischarge discharge;

    @Inject
    Erasure erasure;

    @POST
    @Path("/discharge")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Discharge a client",
            description = "ending is planned or unplanned; dischargedOn defaults to today (UK) and cannot be in the future. "
                    + "Discharging twice is a 409. Starts the record-keeping period. Publishes rapport.client.discharged.v1.")
    @APIResponse(responseCode = "200", description = "Discharged",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "Already discharged")
    public ClientView discharge(@PathParam("clientId") UUID clientId, @Valid @NotNull DischargeRequest body) {
        return ClientView.full(discharge.discharge(clientId, body));
    }

    @POST
    @Path("/erasure")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.ORG_ADMIN})
    @Operation(summary = "Erase a client's personal data",
            description = "For the client's case manager or their organisation's admin. Refused with 409 while the claim "
                    + "is open (legal-hold), while the client is not discharged (not-discharged) or within the agreed "
                    + "record-keeping period after discharge (retention-period); the detail says why and until when. "
                    + "Afterwards the client is 404 everywhere except its audit log. Publishes rapport.client.erased.v1.")
    @APIResponse(responseCode = "200", description = "Erased",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "409",
            description = "Refused for now: legal hold, not discharged, or the retention period has not passed")
    public ErasureView erase(@PathParam("clientId") UUID clientId, @Valid @NotNull ErasureRequest body) {
        Client erased = erasure.erase(clientId, body);
        return new ErasureView(erased.id, erased.reference, "erased", erased.erasedAt, erased.erasedBy);
    }
}
