package app.rapport.clients.rest;

import app.rapport.clients.domain.GoalStatus;
import app.rapport.clients.service.goals.ClientGoals;
import app.rapport.clients.service.goals.GoalChange;
import app.rapport.clients.service.goals.GoalDetails;
import app.rapport.clients.service.goals.GoalReading;
import app.rapport.clients.service.goals.GoalRequest;
import app.rapport.clients.service.goals.ProgressRequest;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Goals agreed with the client, in their words, and progress on them")
@SecurityRequirement(name = "jwt")
public class GoalResource {

    /** Absolute URLs come from the configured public address, never from the request's Host. */
    @Inject
    PublicUrls urls;

    @Inject
    ClientGoals goals;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR,
            Roles.SOLICITOR_SYSTEM})
    @Operation(operationId = "listGoals", summary = "List a client's goals",
            description = "Oldest first; filter with ?status=. Solicitors of the firm on the case see each goal's words and "
                    + "status only, and only with the client's consent for goals (403 otherwise).")
    public List<GoalView> list(@PathParam("clientId") UUID clientId,
                               @QueryParam("status") @Pattern(regexp = "active|on-hold|achieved|withdrawn",
                                       message = "must be active, on-hold, achieved or withdrawn") String status) {
        GoalReading reading = goals.list(clientId, Optional.ofNullable(status).flatMap(GoalStatus::fromWire));
        return reading.goals().stream().map(g -> GoalView.of(g, reading.summaryOnly())).toList();
    }

    @GET
    @Path("/{goalId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.SUPPORT_WORKER, Roles.SOLICITOR,
            Roles.SOLICITOR_SYSTEM})
    @Operation(operationId = "getGoal", summary = "Read one goal", description = "With its progress notes, newest first, for the case team; "
            + "the ETag is the goal's version for If-Match.")
    @APIResponse(responseCode = "200", description = "The goal with its progress notes",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    public Response get(@PathParam("clientId") UUID clientId, @PathParam("goalId") UUID goalId) {
        GoalReading reading = goals.get(clientId, goalId);
        GoalDetails goal = reading.goals().get(0);
        Response.ResponseBuilder response = Response.ok(GoalView.of(goal, reading.summaryOnly()));
        return reading.summaryOnly() ? response.build() : response.tag(ClientResource.etag(goal.goal().version)).build();
    }

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Set a goal with the client",
            description = "statement in the client's words (up to 1000 characters), up to 20 agreed tasks (300 each), agreedBy: "
                    + "user ids of active care-circle professionals who agreed it. Starts active. Publishes rapport.goal.set.v1.")
    @APIResponse(responseCode = "201", description = "Set",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    public Response set(@PathParam("clientId") UUID clientId, @Valid @NotNull GoalRequest body) {
        GoalDetails goal = goals.set(clientId, body);
        return Response.created(urls.of("/api/v1/clients/", clientId, "/goals/", goal.goal().id))
                .tag(ClientResource.etag(goal.goal().version)).entity(GoalView.of(goal, false)).build();
    }

    @PATCH
    @Path("/{goalId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Change a goal's status, tasks or target date",
            description = "Absent fields stay; tasks replaces the list. Status moves active <-> on-hold, and from either to "
                    + "achieved or withdrawn, which are final (409 for any later change). Send If-Match with the ETag you read "
                    + "(412 if the goal moved on). Publishes rapport.goal.updated.v1, and rapport.goal.achieved.v1 on achieving.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "409", description = "The goal is achieved or withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response change(@PathParam("clientId") UUID clientId, @PathParam("goalId") UUID goalId,
                           @Valid @NotNull GoalChange body, @HeaderParam("If-Match") String ifMatch) {
        GoalDetails goal = goals.change(clientId, goalId, body, version(ifMatch));
        return Response.ok(GoalView.of(goal, false)).tag(ClientResource.etag(goal.goal().version)).build();
    }

    @POST
    @Path("/{goalId}/progress")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Record progress on a goal",
            description = "A note (up to 2000 characters) for a day (default today, not in the future), optionally with a "
                    + "progress estimate 0-100; the caller is the author. Not on achieved or withdrawn goals (409). "
                    + "Publishes rapport.goal.updated.v1 with the latest estimate.")
    @APIResponse(responseCode = "201", description = "Noted; the goal with its latest estimate",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "409", description = "The goal is achieved or withdrawn")
    public Response addProgress(@PathParam("clientId") UUID clientId, @PathParam("goalId") UUID goalId,
                                @Valid @NotNull ProgressRequest body, @HeaderParam("If-Match") String ifMatch) {
        GoalDetails goal = goals.addProgress(clientId, goalId, body, version(ifMatch));
        return Response.status(Response.Status.CREATED).entity(GoalView.of(goal, false))
                .tag(ClientResource.etag(goal.goal().version)).build();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be an ETag from a previous read of this goal");
        }
    }
}
