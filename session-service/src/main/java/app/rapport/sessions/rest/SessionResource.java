package app.rapport.sessions.rest;

import app.rapport.platform.input.DateBounds;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Roles;
import app.rapport.sessions.service.Availability;
import app.rapport.sessions.service.Scheduling;
import app.rapport.sessions.service.SeriesChanges;
import app.rapport.sessions.service.SeriesRequest;
import app.rapport.sessions.service.SessionQueries;
import app.rapport.sessions.service.SessionRequest;
import app.rapport.sessions.service.Transitions;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions",
        description = "Booking, series, attendance, cancellations, moves and the views of a client's, a team's or one's own sessions")
@SecurityRequirement(name = "jwt")
public class SessionResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

    static final String READERS_CSV = "case-manager,team-lead,therapist,support-worker,solicitor";
    private static final Duration LONGEST_RANGE = Duration.ofDays(400);
    /** Keeps the request line (about 46 characters an id) well inside common 4 KiB limits. */
    static final int MOST_CLIENTS_AT_ONCE = 50;

    @Inject
    Scheduling scheduling;

    @Inject
    Transitions transitions;

    @Inject
    SessionQueries queries;

    @Inject
    SeriesChanges seriesChanges;

    @Inject
    Availability availability;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Book a session",
            description = "Start and end are wall-clock times in timeZone (IANA; default Europe/London). Every professional must be "
                    + "in the client's care team; 409 names the clash if any of them is already booked. Publishes rapport.session.scheduled.v1.")
    @APIResponse(responseCode = "201", description = "Booked",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "A professional is already booked at an overlapping time")
    @APIResponse(responseCode = "404", description = "No such client, or one the caller may not see")
    public Response book(@Valid @NotNull SessionRequest body) {
        var session = scheduling.book(body);
        return Response.created(urls.of("/api/v1/sessions/", session.id))
                .entity(SessionView.of(session, null)).build();
    }

    @POST
    @Path("/series")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Book a recurring series",
            description = "RFC 5545 RRULE with COUNT or UNTIL; occurrences keep their wall-clock time across daylight-saving changes. "
                    + "All occurrences are booked or none. Each occurrence can then be moved or cancelled on its own.")
    @APIResponse(responseCode = "201", description = "Every occurrence booked",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "409", description = "A professional is already booked at an overlapping time")
    @APIResponse(responseCode = "404", description = "No such client, or one the caller may not see")
    public Response bookSeries(@Valid @NotNull SeriesRequest body) {
        var booked = scheduling.bookSeries(body);
        return Response.status(Response.Status.CREATED)
                .entity(new SeriesView(booked.series().id, booked.series().rrule, booked.series().timeZone,
                        booked.sessions().stream().map(s -> SessionView.of(s, null)).toList()))
                .build();
    }

    public record SeriesView(UUID id, String rrule, String timeZone, List<SessionView> sessions) {
    }

    @POST
    @Path("/series/{seriesId}/cancellation")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Cancel a series from a date on",
            description = "Cancels every still-scheduled occurrence on or after `from`, moved ones included; earlier ones are left alone. "
                    + "Publishes rapport.session.cancelled.v1 for each. Returns the cancelled sessions.")
    public List<SessionView> cancelSeriesFrom(@PathParam("seriesId") UUID seriesId, @Valid @NotNull SeriesChanges.CancelFrom body) {
        return seriesChanges.cancelFrom(seriesId, body).stream().map(s -> SessionView.of(s, null)).toList();
    }

    @POST
    @Path("/series/{seriesId}/retime")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Move a series to new times from a date on",
            description = "Moves every still-scheduled occurrence on or after `from` to the new wall-clock times on its own day; "
                    + "earlier ones, and occurrences moved on their own, are left alone. Publishes rapport.session.rescheduled.v1 for each. Returns the new sessions.")
    public List<SessionView> retimeSeriesFrom(@PathParam("seriesId") UUID seriesId, @Valid @NotNull SeriesChanges.RetimeFrom body) {
        return seriesChanges.retimeFrom(seriesId, body).stream().map(s -> SessionView.of(s, null)).toList();
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR})
    @Operation(summary = "Read a session", description = "404 unless the caller may see it (support workers: sessions they take part in).")
    public SessionView get(@PathParam("sessionId") UUID sessionId) {
        return queries.one(sessionId);
    }

    @POST
    @Path("/{sessionId}/attendance")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Record that the client attended", description = "Publishes rapport.session.attended.v1.")
    @APIResponse(responseCode = "200", description = "Attended",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Not possible from the session's current status")
    public SessionView attend(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Transitions.Attendance body) {
        return SessionView.of(transitions.attend(sessionId, body), null);
    }

    @POST
    @Path("/{sessionId}/missed")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Record that the client did not attend", description = "Publishes rapport.session.missed.v1.")
    @APIResponse(responseCode = "200", description = "Marked as missed",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Not possible from the session's current status")
    public SessionView missed(@PathParam("sessionId") UUID sessionId) {
        return SessionView.of(transitions.miss(sessionId), null);
    }

    @POST
    @Path("/{sessionId}/cancellation")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "Cancel a session", description = "Hours of notice are computed from now to the start. Publishes rapport.session.cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Not possible from the session's current status")
    public SessionView cancel(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Transitions.Cancellation body) {
        return SessionView.of(transitions.cancel(sessionId, body), null);
    }

    @POST
    @Path("/{sessionId}/reschedule")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Move a session",
            description = "The session becomes rescheduled and a new one is booked at the new time (201 with it). Publishes rapport.session.rescheduled.v1.")
    @APIResponse(responseCode = "201", description = "The new session; the old one is now rescheduled",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409",
            description = "Not possible from the session's current status, or a double booking")
    public Response reschedule(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Transitions.Move body) {
        var moved = transitions.reschedule(sessionId, body);
        return Response.created(urls.of("/api/v1/sessions/", moved.id))
                .entity(SessionView.of(moved, null)).build();
    }

    @GET
    @Path("/clients/{clientId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR})
    @Operation(summary = "A client's timeline", description = "Sessions from `from` (default a year ago) to `to` (default a year ahead), ISO instants.")
    public List<SessionView> timeline(@PathParam("clientId") UUID clientId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = Instant.now();
        Instant start = instant("from", from, now.minus(Duration.ofDays(366)));
        Instant end = instant("to", to, now.plus(Duration.ofDays(366)));
        return queries.timeline(clientId, start, checkRange(start, end, Duration.ofDays(800)));
    }

    @GET
    @Path("/next")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR})
    @Operation(summary = "Clients' next sessions",
            description = "For each `clientId` (repeat the parameter, at most " + MOST_CLIENTS_AT_ONCE + "), the next scheduled "
                    + "session from now on, soonest first. Clients the caller may not see, and clients with nothing booked, "
                    + "are simply absent. Visibility is as for a client's timeline.")
    public List<SessionView> next(@QueryParam("clientId") List<String> clientIds) {
        return queries.next(clientIdsOf(clientIds), Instant.now());
    }

    private static Set<UUID> clientIdsOf(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw ProblemException.invalidField("clientId", "name at least one client (clientId=...)");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("clientId", "'" + abbreviate(value) + "' is not a client id (a UUID)");
            }
        }
        if (ids.size() > MOST_CLIENTS_AT_ONCE) {
            throw ProblemException.invalidField("clientId", "at most " + MOST_CLIENTS_AT_ONCE + " clients at once; "
                    + ids.size() + " were named");
        }
        return ids;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    @GET
    @Path("/busy/{professionalId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "When a professional is busy",
            description = "Intervals only, nothing about the sessions. For the caller and anyone sharing a client's care circle with them.")
    public List<Availability.Busy> busy(@PathParam("professionalId") String professionalId, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        Instant start = instant("from", from, Instant.now());
        Instant end = instant("to", to, start.plus(Duration.ofDays(14)));
        return availability.busy(professionalId, start, checkRange(start, end, Duration.ofDays(93)));
    }

    @GET
    @Path("/teams/{teamId}")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "A team's sessions", description = "For the team's lead: every session of the team's clients from `from` "
            + "(default now) for a week, or to `to` (at most 31 days).")
    public List<SessionView> team(@PathParam("teamId") String teamId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = instant("from", from, Instant.now());
        Instant end = instant("to", to, start.plus(Duration.ofDays(7)));
        return availability.teamWeek(teamId, start, checkRange(start, end, Duration.ofDays(31)));
    }

    @GET
    @Path("/diary")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER})
    @Operation(summary = "The caller's diary", description = "The caller's own sessions from `from` (default now) to `to` (default 4 weeks on).")
    public List<SessionView> diary(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = instant("from", from, Instant.now());
        Instant end = instant("to", to, start.plus(Duration.ofDays(28)));
        return queries.diary(start, checkRange(start, end, LONGEST_RANGE));
    }

    /** An ISO instant from a query parameter, within the years every date must lie in. */
    private static Instant instant(String field, String value, Instant fallback) {
        return DateBounds.instantParameter(field, value, fallback);
    }

    private static Instant checkRange(Instant from, Instant to, Duration longest) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw ProblemException.invalidField("to", "a range may span at most " + longest.toDays() + " days");
        }
        return to;
    }
}
