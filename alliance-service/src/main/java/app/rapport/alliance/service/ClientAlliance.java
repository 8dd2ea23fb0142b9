package app.rapport.alliance.service;

import app.rapport.alliance.access.AllianceAccess;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RepairAttempt;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.domain.RuptureSignal;
import app.rapport.alliance.rules.SessionRules;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Use cases on one client's alliance data, each behind {@link AllianceAccess}. */
@ApplicationScoped
public class ClientAlliance {

    @Inject
    AllianceAccess access;

    @Inject
    Feedback feedback;

    @Inject
    Episodes episodes;

    @Inject
    ReportedTime reportedTime;

    @Inject
    SessionReferences sessions;

    /**
     * A response recorded in session (e.g. the client fills it in on a tablet, or the professional's check-in).
     *
     * @param completedAt when it was filled in, if earlier than now
     */
    @Transactional
    public Feedback.Recorded record(UUID clientId, String professionalId, String measureId, Map<String, Integer> answers,
                                    UUID sessionId, String language, Instant completedAt) {
        Instant at = reportedTime.of(completedAt, Instant.now(), "completedAt");
        String pair = professionalId == null ? access.userId() : professionalId;
        AllianceAccess.Scope scope = access.audit(access.requireRecorder(clientId, pair), "write", "responses");
        sessions.require(clientId, pair, sessionId);
        return feedback.record(new Feedback.NewResponse(scope.client(), pair, measureId, answers, sessionId,
                language == null ? scope.client().preferredLanguage : language, access.userId(), null, null, at));
    }

    /**
     * Signal 5: the professional reports a withdrawal or confrontation marker in their own relationship.
     *
     * @param observedAt when they saw it, if earlier than now
     */
    @Transactional
    public RuptureEpisode reportMarker(UUID clientId, String kind, Instant observedAt) {
        Instant at = reportedTime.of(observedAt, Instant.now(), "observedAt");
        AllianceAccess.Scope scope = access.audit(access.requireRecorder(clientId, access.userId()), "write", "markers");
        try {
            return episodes.raise(scope.client(), access.userId(), List.of(SessionRules.marker(kind, UUID.randomUUID())), at);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("kind", "must be withdrawal or confrontation");
        }
    }

    public record EpisodeDetail(RuptureEpisode episode, List<RuptureSignal> signals, List<RepairAttempt> repairs) {
    }

    @Transactional
    public List<EpisodeDetail> episodes(UUID clientId) {
        AllianceAccess.Scope scope = access.audit(access.require(clientId), "read", "episodes");
        return RuptureEpisode.<RuptureEpisode>list("clientId = ?1 order by detectedAt", clientId).stream()
                .filter(e -> scope.covers(e.professionalId))
                .map(ClientAlliance::detail)
                .toList();
    }

    @Transactional
    public EpisodeDetail acknowledge(UUID clientId, UUID episodeId) {
        var found = episode(clientId, episodeId);
        episodes.acknowledge(found.client(), found.episode(), access.userId(), Instant.now());
        return detail(found.episode());
    }

    @Transactional
    public EpisodeDetail recordRepair(UUID clientId, UUID episodeId, String strategy, String note) {
        var found = episode(clientId, episodeId);
        episodes.recordRepair(found.client(), found.episode(), strategy, note, access.userId(), Instant.now());
        return detail(found.episode());
    }

    @Transactional
    public EpisodeDetail close(UUID clientId, UUID episodeId) {
        var found = episode(clientId, episodeId);
        episodes.close(found.client(), found.episode(), "closed-by-professional", Instant.now());
        return detail(found.episode());
    }

    /** The client's scores per professional over time (only the pairs the caller may see). */
    @Transactional
    public List<FeedbackResponse> responses(UUID clientId) {
        AllianceAccess.Scope scope = access.audit(access.require(clientId), "read", "responses");
        return FeedbackResponse.<FeedbackResponse>list("clientId = ?1 order by recordedAt, id", clientId).stream()
                .filter(r -> scope.covers(r.professionalId))
                .toList();
    }

    @Transactional
    public ClientRef client(UUID clientId) {
        return access.require(clientId).client();
    }

    private record Found(ClientRef client, RuptureEpisode episode) {
    }

    private Found episode(UUID clientId, UUID episodeId) {
        AllianceAccess.Scope scope = access.require(clientId);
        RuptureEpisode episode = RuptureEpisode.<RuptureEpisode>find("id = ?1 and clientId = ?2", episodeId, clientId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(e -> scope.covers(e.professionalId))
                .orElseThrow(() -> ProblemException.notFound("Episode " + episodeId));
        access.audit(scope, "write", "episodes");
        return new Found(scope.client(), episode);
    }

    static EpisodeDetail detail(RuptureEpisode episode) {
        return new EpisodeDetail(episode,
                RuptureSignal.list("episodeId = ?1 order by detectedAt, id", episode.id),
                RepairAttempt.list("episodeId = ?1 order by recordedAt, id", episode.id));
    }
}
