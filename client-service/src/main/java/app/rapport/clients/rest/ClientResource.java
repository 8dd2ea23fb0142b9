package app.rapport.clients.rest;

import app.rapport.clients.service.ClientDirectory;
import app.rapport.clients.service.ClientRegistration;
import app.rapport.clients.service.NewClient;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
@SecurityRequirement(name = "jwt")
public class ClientResource {

    @Inject
    Caller caller;

    @Inject
    ClientRegistration registration;

    @Inject
    ClientDirectory directory;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Register a client",
            description = "The caller becomes the client's case manager. Publishes rapport.client.registered.v1.")
    public Response register(@Valid @NotNull RegisterClientRequest body, @Context UriInfo uri) {
        var client = registration.register(
                new NewClient(body.givenName(), body.familyName(), body.dateOfBirth(), body.teamId()), caller);
        return Response.created(uri.getAbsolutePathBuilder().path(client.id.toString()).build())
                .entity(ClientView.of(client)).build();
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Read a client", description = "404 unless the caller is in the client's care circle or leads its team.")
    public ClientView get(@PathParam("clientId") UUID clientId) {
        return directory.visibleTo(caller, clientId).map(ClientView::of)
                .orElseThrow(() -> ProblemException.notFound("Client " + clientId));
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "The caller's caseload", description = "Clients whose care circle includes the caller; team leads also see their teams' clients.")
    public CaseloadPage caseload(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return new CaseloadPage(directory.caseload(caller, page, size).stream().map(ClientView::of).toList(),
                page, size, directory.caseloadSize(caller));
    }
}
