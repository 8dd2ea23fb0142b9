package app.rapport.sessions.rest;

import app.rapport.platform.security.Roles;
import app.rapport.sessions.service.SessionNotes;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/sessions/{sessionId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Confidential notes", description = "Session notes only the case manager and the note's author read")
@SecurityRequirement(name = "jwt")
public class NoteResource {

    @Inject
    SessionNotes notes;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.THERAPIST, Roles.TEAM_LEAD, Roles.SUPPORT_WORKER, Roles.SOLICITOR})
    @Operation(summary = "Write a confidential note", description = "The client's case manager or a therapist in the session. Never published.")
    @APIResponse(responseCode = "201", description = "Written",
            content = @Content(schema = @Schema(implementation = SessionNotes.NoteView.class)))
    public Response write(@PathParam("sessionId") UUID sessionId, @Valid @NotNull SessionNotes.NewNote body) {
        return Response.status(Response.Status.CREATED).entity(notes.write(sessionId, body)).build();
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.THERAPIST, Roles.TEAM_LEAD, Roles.SUPPORT_WORKER, Roles.SOLICITOR})
    @Operation(summary = "Read a session's notes", description = "The case manager reads all; a therapist reads their own. Every read is audited.")
    public List<SessionNotes.NoteView> read(@PathParam("sessionId") UUID sessionId) {
        return notes.read(sessionId);
    }
}
