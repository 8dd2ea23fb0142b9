package app.rapport.clients.rest;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.clients.service.ClientDirectory;
import app.rapport.clients.service.ClientProfile;
import app.rapport.clients.service.ClientRecords;
import app.rapport.clients.service.ClientRegistration;
import app.rapport.platform.input.Paging;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Registering clients, their profile, the caseload, discharge and erasure")
@SecurityRequirement(name = "jwt")
public class ClientResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

    private static final String PROFESSIONALS = "case-manager,team-lead,therapist,support-worker,solicitor,solicitor-system";

    @Inject
    Caller caller;

    @Inject
    ClientRegistration registration;

    @Inject
    ClientRecords records;

    @Inject
    ClientDirectory directory;

    @Inject
    ClientAccess access;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Register a client",
            description = "The caller becomes the client's case manager. Publishes rapport.client.registered.v1.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    public Response register(@Valid @NotNull ClientProfile body) {
        var client = registration.register(body, caller);
        return Response.created(urls.of("/api/v1/clients/", client.id))
                .tag(etag(client.version)).entity(ClientView.full(client)).build();
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR,
            Roles.SOLICITOR_SYSTEM})
    @Operation(operationId = "getClient", summary = "Read a client",
            description = "404 unless the caller is in the client's care circle, leads its team, or acts for the firm on its case. "
                    + "Support workers see contact and preferences; solicitors see the name and case references.")
    @APIResponse(responseCode = "200", description = "The client as the caller may see them",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    public Response get(@PathParam("clientId") UUID clientId) {
        Access granted = records.read(clientId);
        return Response.ok(ClientView.of(granted.client(), granted.relationship())).tag(etag(granted.client().version)).build();
    }

    @PUT
    @Path("/{clientId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Replace a client's profile",
            description = "Send the whole profile (absent fields are cleared). Send If-Match with the ETag you read to avoid "
                    + "overwriting a colleague's change (412 if it moved on). Publishes rapport.client.updated.v1 when anything changed.")
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("clientId") UUID clientId, @Valid @NotNull ClientProfile body,
                           @HeaderParam("If-Match") String ifMatch) {
        Access granted = records.update(clientId, body, version(ifMatch));
        return Response.ok(ClientView.full(granted.client())).tag(etag(granted.client().version)).build();
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR,
            Roles.SOLICITOR_SYSTEM})
    @Transactional
    @Operation(summary = "The caller's caseload",
            description = "Clients whose care circle includes the caller; team leads also see their teams' clients, solicitors "
                    + "their firm's. Filter by name (or reference), status and team; ordered by family name, given name, id.")
    public CaseloadPage caseload(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(value = Paging.LAST_PAGE, message = Paging.LAST_PAGE_MESSAGE) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                 @QueryParam("name") @Size(max = 100) String name,
                                 @QueryParam("status") @Pattern(regexp = "active|discharged", message = "must be active or discharged") String status,
                                 @QueryParam("team") @Size(max = 64) String team) {
        var filter = new ClientDirectory.CaseloadFilter(Optional.ofNullable(name),
                Optional.ofNullable(status).map(s -> ClientStatus.valueOf(s.toUpperCase(Locale.ROOT))), Optional.ofNullable(team));
        var items = directory.caseload(caller, filter, page, size).stream()
                .map(client -> access.relationshipTo(client).map(a -> ClientView.of(client, a.relationship()))
                        .orElseThrow())
                .map(ClientListItem::of)
                .toList();
        return new CaseloadPage(items, page, size, directory.caseloadSize(caller, filter));
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be an ETag from a previous read of this client");
        }
    }
}
