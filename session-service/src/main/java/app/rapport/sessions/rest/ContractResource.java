package app.rapport.sessions.rest;

import app.rapport.platform.security.Roles;
import app.rapport.sessions.service.Contracts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/sessions/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts and endings",
        description = "Sessions agreed per client and professional, and how the work ended")
@SecurityRequirement(name = "jwt")
public class ContractResource {

    @Inject
    Contracts contracts;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Agree a number of sessions with one professional",
            description = "Attended sessions count as used; when at most rapport.sessions.ending.threshold (default 2) are left, "
                    + "rapport.session.ending-approaching.v1 is published once.")
    @APIResponse(responseCode = "201", description = "Agreed",
            content = @Content(schema = @Schema(implementation = Contracts.ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such client, or one the caller may not see")
    public Response agree(@Valid @NotNull Contracts.NewContract body) {
        return Response.status(Response.Status.CREATED).entity(contracts.agree(body)).build();
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "A client's contracts with sessions used and left")
    @APIResponse(responseCode = "200", description = "The contracts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Contracts.ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such client, or one the caller may not see")
    public List<Contracts.ContractView> list(@QueryParam("clientId") @NotNull UUID clientId) {
        return contracts.of(clientId);
    }

    @POST
    @Path("/{contractId}/ending")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record how the work ended", description = "kind: planned or unplanned.")
    public Contracts.ContractView end(@PathParam("contractId") UUID contractId, @Valid @NotNull Contracts.Ending body) {
        return contracts.end(contractId, body);
    }
}
