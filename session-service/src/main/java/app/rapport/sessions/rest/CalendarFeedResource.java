package app.rapport.sessions.rest;

import app.rapport.platform.security.Roles;
import app.rapport.sessions.service.CalendarFeeds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/sessions/calendar-feed")
@Tag(name = "Calendar feeds", description = "A professional's private iCalendar feed of their sessions")
public class CalendarFeedResource {

    public record FeedLink(URI url) {
    }

    @Inject
    CalendarFeeds feeds;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Issue the caller's private calendar feed URL",
            description = "The URL is shown once; issuing a new one revokes the previous one.")
    @APIResponse(responseCode = "201", description = "The feed URL, shown only now",
            content = @Content(schema = @Schema(implementation = FeedLink.class)))
    public Response issue(@Context UriInfo uri) {
        String token = feeds.issue();
        return Response.status(Response.Status.CREATED)
                .entity(new FeedLink(uri.getBaseUriBuilder().path("api/v1/sessions/calendar").path(token + ".ics").build()))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Revoke the caller's calendar feed")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke() {
        feeds.revoke();
        return Response.noContent().build();
    }
}
