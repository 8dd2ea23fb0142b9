package app.rapport.sessions.rest;

import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.security.Roles;
import app.rapport.sessions.service.CalendarFeeds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/sessions/calendar-feed")
@Tag(name = "Calendar feeds", description = "A professional's private iCalendar feed of their sessions")
public class CalendarFeedResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

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
    public Response issue() {
        String token = feeds.issue();
        return Response.status(Response.Status.CREATED)
                .entity(new FeedLink(urls.of("/api/v1/sessions/calendar/", token, ".ics")))
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
