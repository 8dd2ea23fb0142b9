package app.rapport.alliance.rest;

import app.rapport.alliance.service.FeedbackLinks;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import java.time.Instant;
import java.util.UUID;

/** Professionals create one-time feedback links for their clients. */
@Path("/api/v1/alliance/clients/{clientId}/feedback-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback links", description = "One-time links a client rates a session through, without an account")
@SecurityRequirement(name = "jwt")
public class FeedbackLinkCreationResource {

    public record NewLink(@Size(min = 1, max = 200) String professionalId, @Size(max = 64) String measureId, UUID sessionId) {
    }

    public record CreatedLink(UUID id, String url, String token, String measureId, String professionalId, String language,
                              Instant expiresAt) {
    }

    @Inject
    FeedbackLinks links;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Create a one-time feedback link",
            description = "For the client's rating of their work with professionalId (default: you), in the client's "
                    + "preferred language. Valid once, for four days by default. The token is shown only here.")
    @APIResponse(responseCode = "201", description = "The link; its token is shown only now",
            content = @Content(schema = @Schema(implementation = CreatedLink.class)))
    @APIResponse(responseCode = "422", description = "The professional or measure cannot be used for this client")
    public Response create(@PathParam("clientId") UUID clientId, @Valid NewLink body) {
        NewLink in = body == null ? new NewLink(null, null, null) : body;
        var created = links.create(clientId, in.professionalId(), in.measureId(), in.sessionId());
        var link = created.link();
        return Response.status(201).entity(new CreatedLink(link.id, created.url(), created.token(), link.measureId,
                link.professionalId, link.language, link.expiresAt)).build();
    }
}
