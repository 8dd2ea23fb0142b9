package app.rapport.alliance.rest;

import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.rest.AllianceViews.ClientTrend;
import app.rapport.alliance.rest.AllianceViews.EpisodeMarker;
import app.rapport.alliance.rest.AllianceViews.EpisodeView;
import app.rapport.alliance.rest.AllianceViews.PairTrend;
import app.rapport.alliance.rest.AllianceViews.ResponseView;
import app.rapport.alliance.service.ClientAlliance;
import app.rapport.alliance.service.MeasureCatalogue;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Purpose;
import app.rapport.alliance.measures.Rater;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A client's alliance: responses, rupture episodes, repairs and the trend. Case managers in the client's care
 * circle and the client's team lead see every pair; a therapist only their own. Everyone else: 403 by role, or 404.
 */
@Path("/api/v1/alliance/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alliance",
        description = "Ratings and scores, rupture episodes and repairs, trends, the caseload view, the measure catalogue")
@SecurityRequirement(name = "jwt")
public class ClientAllianceResource {

    /**
     * @param professionalId the professional in the pair; defaults to the caller
     * @param answers item linkId → answer on the measure's scale; unanswered items are left out
     * @param completedAt when it was filled in, for a response recorded after the session; default now
     */
    public record RecordResponse(@Size(min = 1, max = 200) String professionalId,
                                 @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String measureId,
                                 @NotEmpty @Size(max = 100) Map<@NotBlank String, @NotNull Integer> answers,
                                 UUID sessionId,
                                 @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String language,
                                 Instant completedAt) {
    }

    /** @param observedAt when the professional saw it, if reported later; default now */
    public record ReportMarker(@NotBlank String kind, Instant observedAt) {
    }

    public record NewRepair(@NotBlank String strategy, @Size(max = 2000) String note) {
    }

    @Inject
    ClientAlliance alliance;

    @Inject
    MeasureCatalogue measures;

    @Inject
    app.rapport.alliance.service.MeasureWordingImport fhir;

    @GET
    @Path("/responses/{responseId}/questionnaire-response")
    @Produces("application/fhir+json")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "A response as a FHIR R4 QuestionnaireResponse")
    public String questionnaireResponse(@PathParam("clientId") UUID clientId, @PathParam("responseId") UUID responseId) {
        return fhir.questionnaireResponse(clientId, responseId);
    }

    @POST
    @Path("/responses")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Record a response in session",
            description = "Scores it (total, subscales, percentage of maximum), runs the rupture rules and opens, extends "
                    + "or resolves the pair's episode. Publishes rapport.alliance.feedback-recorded.v1 and any episode events. "
                    + "completedAt (ISO instant, at most a year ago, not in the future) dates a response filled in earlier; "
                    + "the rules judge it when it arrives.")
    @APIResponse(responseCode = "201",
            description = "Scored, with the signals it raised and the episode it opened, extended or resolved",
            content = @Content(schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "422",
            description = "The measure has no imported wording, or the professional is not a case manager or therapist in the circle")
    public Response record(@PathParam("clientId") UUID clientId, @Valid @NotNull RecordResponse body) {
        var recorded = alliance.record(clientId, body.professionalId(), body.measureId(), body.answers(), body.sessionId(),
                body.language(), body.completedAt());
        return Response.status(201).entity(ResponseView.of(recorded)).build();
    }

    @POST
    @Path("/markers")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.THERAPIST})
    @Operation(summary = "Report a rupture marker in your own relationship with the client",
            description = "kind: withdrawal or confrontation; observedAt (optional, as completedAt of a response) when it was seen. "
                    + "Opens or extends your episode with this client.")
    @APIResponse(responseCode = "201", description = "Recorded; the episode it opened or extended (episodeId, state)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public Response marker(@PathParam("clientId") UUID clientId, @Valid @NotNull ReportMarker body) {
        RuptureEpisode episode = alliance.reportMarker(clientId, body.kind(), body.observedAt());
        return Response.status(201).entity(Map.of("episodeId", episode.id, "state", episode.state.wire())).build();
    }

    @GET
    @Path("/episodes")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Rupture episodes", description = "With their signals (and evidence) and repairs.")
    public List<EpisodeView> episodes(@PathParam("clientId") UUID clientId) {
        return alliance.episodes(clientId).stream().map(EpisodeView::of).toList();
    }

    @POST
    @Path("/episodes/{episodeId}/acknowledge")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Acknowledge a rupture episode")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = EpisodeView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the episode's current state")
    public EpisodeView acknowledge(@PathParam("clientId") UUID clientId, @PathParam("episodeId") UUID episodeId) {
        return EpisodeView.of(alliance.acknowledge(clientId, episodeId));
    }

    @POST
    @Path("/episodes/{episodeId}/repairs")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Record a repair attempt", description = "strategy: explore-together, acknowledge-own-part, "
            + "clarify-rationale, change-task-or-goal, adjust-practicalities, involve-team, other. The note stays here.")
    @APIResponse(responseCode = "201", description = "Recorded; the episode",
            content = @Content(schema = @Schema(implementation = EpisodeView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the episode's current state")
    public Response repair(@PathParam("clientId") UUID clientId, @PathParam("episodeId") UUID episodeId,
                           @Valid @NotNull NewRepair body) {
        return Response.status(201).entity(EpisodeView.of(alliance.recordRepair(clientId, episodeId, body.strategy(), body.note())))
                .build();
    }

    @POST
    @Path("/episodes/{episodeId}/close")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Close an episode unresolved")
    @APIResponse(responseCode = "200", description = "Closed unresolved",
            content = @Content(schema = @Schema(implementation = EpisodeView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the episode's current state")
    public EpisodeView close(@PathParam("clientId") UUID clientId, @PathParam("episodeId") UUID episodeId) {
        return EpisodeView.of(alliance.close(clientId, episodeId));
    }

    @GET
    @Path("/trend")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST})
    @Operation(summary = "Alliance trend per professional",
            description = "Per professional, in separate series: the client's alliance ratings, the professional's check-ins "
                    + "and outcome measures, each point with its cut-off, purpose, direction (higher-is-better or "
                    + "higher-is-worse), validated flag and published severity band; and rupture markers.")
    public ClientTrend trend(@PathParam("clientId") UUID clientId) {
        String organisation = alliance.client(clientId).organisationId;
        List<FeedbackResponse> responses = alliance.responses(clientId);
        List<ClientAlliance.EpisodeDetail> episodes = alliance.episodes(clientId);
        Map<String, MeasureDefinition> byId = new LinkedHashMap<>();
        responses.forEach(r -> byId.computeIfAbsent(r.measureId, id -> measures.find(organisation, id)
                .or(() -> app.rapport.alliance.measures.StandardMeasures.byId(id)).orElseThrow()));
        TreeSet<String> professionals = new TreeSet<>();
        responses.forEach(r -> professionals.add(r.professionalId));
        episodes.forEach(e -> professionals.add(e.episode().professionalId));
        List<PairTrend> pairs = professionals.stream().map(p -> {
            List<FeedbackResponse> pair = responses.stream().filter(r -> r.professionalId.equals(p)).toList();
            return new PairTrend(p,
                    series(pair, byId, r -> r.purpose() == Purpose.ALLIANCE && r.rater() == Rater.CLIENT),
                    series(pair, byId, r -> !r.purpose().isOutcome() && r.rater() == Rater.PROFESSIONAL),
                    series(pair, byId, r -> r.purpose().isOutcome()),
                    episodes.stream().filter(e -> e.episode().professionalId.equals(p))
                            .sorted(Comparator.comparing(e -> e.episode().detectedAt))
                            .map(e -> new EpisodeMarker(e.episode().id, e.episode().state.wire(), e.episode().detectedAt,
                                    e.episode().endedAt)).toList());
        }).toList();
        return new ClientTrend(clientId, pairs);
    }

    /** The pair's responses on the measures {@code kind} picks, each point with what its score means. */
    private static List<AllianceViews.TrendPoint> series(List<FeedbackResponse> responses, Map<String, MeasureDefinition> byId,
                                                         java.util.function.Predicate<MeasureDefinition> kind) {
        return responses.stream().filter(r -> kind.test(byId.get(r.measureId)))
                .map(r -> AllianceViews.point(r, byId.get(r.measureId))).toList();
    }
}
