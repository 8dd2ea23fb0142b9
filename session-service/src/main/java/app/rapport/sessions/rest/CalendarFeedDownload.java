package app.rapport.sessions.rest;

import app.rapport.sessions.service.CalendarFeeds;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The feed itself, read by calendar applications: the secret in the URL is the only credential. */
@Path("/api/v1/sessions/calendar")
@Tag(name = "Calendar feeds", description = "A professional's private iCalendar feed of their sessions")
public class CalendarFeedDownload {

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("/{token: [A-Za-z0-9_-]{20,100}}.ics")
    @Produces("text/calendar;charset=UTF-8")
    @PermitAll
    @Operation(summary = "A professional's sessions as iCalendar", description = "No token is needed beyond the secret in the URL.")
    public Response feed(@PathParam("token") String token) {
        return Response.ok(feeds.render(token)).header("Cache-Control", "private, no-store").build();
    }
}
