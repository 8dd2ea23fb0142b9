package app.rapport.clients.rest;

import app.rapport.clients.service.CareCircle;
import app.rapport.clients.service.NewMember;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/care-circle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care circle",
        description = "The professionals and family around a client; membership decides who sees the client")
@SecurityRequirement(name = "jwt")
public class CareCircleResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

    /** Body of ending a membership; both fields optional. */
    public record EndMembership(LocalDate leftOn) {
    }

    @Inject
    CareCircle careCircle;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "The client's care circle", description = "Current members; past members too with includePast=true.")
    public List<MemberView> members(@PathParam("clientId") UUID clientId,
                                    @QueryParam("includePast") @DefaultValue("false") boolean includePast) {
        return careCircle.members(clientId, includePast).stream().map(MemberView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Add someone to the care circle",
            description = "A professional from the directory (userId; role must match theirs) or a family member (displayName, "
                    + "relationship). 409 if they are already an active member. Publishes rapport.careteam.member-joined.v1.")
    @APIResponse(responseCode = "201", description = "Joined",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "Already an active member")
    @APIResponse(responseCode = "422", description = "The person cannot take that role in this circle")
    public Response add(@PathParam("clientId") UUID clientId, @Valid @NotNull NewMember body) {
        var member = careCircle.add(clientId, body);
        return Response.created(urls.of("/api/v1/clients/", clientId, "/care-circle/", member.id))
                .entity(MemberView.of(member)).build();
    }

    @POST
    @Path("/{memberId}/end")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "End a membership",
            description = "From leftOn (default today) the person sees nothing more of the client. 409 if it already ended or "
                    + "it is the only case manager. Publishes rapport.careteam.member-left.v1.")
    @APIResponse(responseCode = "200", description = "Ended",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "The membership has already ended, or it is the only case manager")
    public MemberView end(@PathParam("clientId") UUID clientId, @PathParam("memberId") UUID memberId, @Valid EndMembership body) {
        return MemberView.of(careCircle.end(clientId, memberId, body == null ? null : body.leftOn()));
    }
}
