package app.rapport.alliance.service;

import app.rapport.alliance.config.AllianceConfig;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Purpose;
import app.rapport.alliance.measures.Rater;
import app.rapport.alliance.rules.Recovery;
import app.rapport.alliance.rules.ScoreRules;
import app.rapport.alliance.rules.ScoredResponse;
import app.rapport.alliance.rules.Signal;
import app.rapport.alliance.rules.Thresholds;
import app.rapport.alliance.scoring.InvalidResponseException;
import app.rapport.alliance.scoring.Score;
import app.rapport.alliance.scoring.Scorer;
import app.rapport.contract.EventType;
import app.rapport.contract.alliance.FeedbackRecorded;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Records a response: scores it, publishes feedback-recorded, runs the score rules and opens, extends or resolves
 * the pair's rupture episode — all in one transaction.
 * <p>
 * The rules judge each response once, when it arrives, against every response of the pair recorded before it
 * (ordered by when they were filled in), and date what it changes by when it was filled in. A late entry dated
 * before responses already recorded is judged as the newest news and dated as of the newest of them; neither it nor
 * the responses after it are judged again in time order. Record late entries oldest first.
 */
@ApplicationScoped
public class Feedback {

    @Inject
    MeasureCatalogue measures;

    @Inject
    Episodes episodes;

    @Inject
    OutboxWriter outbox;

    @Inject
    AllianceConfig config;

    @Inject
    ObjectMapper json;

    /** What happened to a recorded response. */
    public record Recorded(FeedbackResponse response, MeasureDefinition measure, Score score, List<Signal> signals,
                           RuptureEpisode episode, boolean resolvedEpisode) {
    }

    /**
     * A new response from someone already allowed to give it.
     *
     * @param completedAt when it was filled in, already checked ({@link ReportedTime}); null: now
     */
    public record NewResponse(ClientRef client, String professionalId, String measureId, Map<String, Integer> answers,
                              UUID sessionId, String language, String recordedBy, UUID linkId, Rater expectedRater,
                              Instant completedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(NewResponse in) {
        ClientRef client = in.client();
        MeasureDefinition measure = measures.require(client.organisationId, in.measureId());
        MeasureCatalogue.requireWording(measure, in.language());
        if (in.expectedRater() != null && measure.rater() != in.expectedRater()) {
            throw ProblemException.invalidField("measureId", measure.id() + " is filled in by the " + measure.rater().wire()
                    + ", not the " + in.expectedRater().wire());
        }
        if (measure.rater() == Rater.PROFESSIONAL && !in.professionalId().equals(in.recordedBy())) {
            throw ProblemException.invalidField("professionalId",
                    "a professional's own check-in can only be recorded by that professional");
        }
        Score score;
        try {
            score = Scorer.score(measure, in.answers());
        } catch (InvalidResponseException e) {
            throw ProblemException.invalidField(e.field(), e.reason());
        }
        // Responses of one pair are judged one at a time, each against every earlier one.
        RuptureEpisode.lockPair(client.clientId, in.professionalId());
        Instant received = Instant.now();
        // The response's time is when it was filled in: trends, the caseload and the episodes it moves are dated by it.
        Instant at = in.completedAt() == null ? received : in.completedAt();
        FeedbackResponse response = new FeedbackResponse();
        response.id = UUID.randomUUID();
        response.clientId = client.clientId;
        response.professionalId = in.professionalId();
        response.measureId = measure.id();
        response.rater = measure.rater().wire();
        response.sessionId = in.sessionId();
        response.language = in.language();
        response.answers = write(in.answers());
        response.subscales = write(score.subscales());
        response.total = score.total();
        response.percentOfMax = score.percentOfMax();
        response.inConcernRange = score.inConcernRange();
        response.prorated = score.prorated();
        response.recordedBy = in.recordedBy();
        response.recordedAt = at;
        response.receivedAt = received;
        response.linkId = in.linkId();
        response.persist();
        outbox.append(EventType.ALLIANCE_FEEDBACK_RECORDED, client.clientId, client.organisationId, client.teamId,
                new FeedbackRecorded(client.clientId, in.professionalId(), response.id, measure.id(), response.rater,
                        score.total(), score.percentOfMax(), score.inConcernRange(), in.sessionId(), at));

        Instant judgedAt = judgedAt(client.clientId, in.professionalId(), response);
        Thresholds thresholds = config.thresholdsFor(client.organisationId);
        ScoredResponse current = scored(response);
        List<Signal> signals = List.of();
        boolean resolved = false;
        RuptureEpisode episode = null;
        if (measure.purpose() == Purpose.ALLIANCE && measure.rater() == Rater.CLIENT) {
            List<ScoredResponse> earlier = FeedbackResponse.<FeedbackResponse>list(
                            "clientId = ?1 and professionalId = ?2 and rater = 'client' and id <> ?3 order by recordedAt, id",
                            client.clientId, in.professionalId(), response.id).stream()
                    .map(Feedback::scored).toList();
            signals = ScoreRules.clientRating(measure, current, earlier, latestReflection(client, in.professionalId()),
                    thresholds);
            if (!signals.isEmpty()) {
                episode = episodes.raise(client, in.professionalId(), signals, judgedAt);
            } else {
                Optional<RuptureEpisode> open = RuptureEpisode.openForUpdate(client.clientId, in.professionalId());
                List<ScoredResponse> sameMeasure = earlier.stream().filter(r -> r.measureId().equals(measure.id())).toList();
                OptionalDouble baseline = sameMeasure.size() >= thresholds.baselineScores()
                        ? sameMeasure.subList(0, thresholds.baselineScores()).stream().mapToDouble(ScoredResponse::total).average()
                        : OptionalDouble.empty();
                if (open.isPresent() && Recovery.recovered(measure, score.total(), baseline)) {
                    // A marker can be reported after the rating that answers it: the episode never ends before it began.
                    Instant end = judgedAt.isBefore(open.get().detectedAt) ? open.get().detectedAt : judgedAt;
                    episodes.resolve(client, open.get(), response.id, end);
                    episode = open.get();
                    resolved = true;
                }
            }
        } else if (measure.purpose() == Purpose.REFLECTION) {
            Optional<ScoredResponse> latestClient = latestClientAllianceRating(client, in.professionalId());
            signals = ScoreRules.professionalReflection(new ScoreRules.Reflection(measure, current), latestClient, thresholds);
            episode = episodes.raise(client, in.professionalId(), signals, judgedAt);
        }
        return new Recorded(response, measure, score, signals, episode, resolved);
    }

    /**
     * When what this response changes in the pair's episode happens: when it was filled in, unless the pair has a
     * response from later already; then as of that one, so a late entry never reaches back behind history already judged.
     */
    private static Instant judgedAt(UUID clientId, String professionalId, FeedbackResponse response) {
        Instant newestOther = FeedbackResponse.getEntityManager().createQuery("""
                        select max(f.recordedAt) from FeedbackResponse f
                        where f.clientId = ?1 and f.professionalId = ?2 and f.id <> ?3""", Instant.class)
                .setParameter(1, clientId).setParameter(2, professionalId).setParameter(3, response.id)
                .getSingleResult();
        return newestOther != null && newestOther.isAfter(response.recordedAt) ? newestOther : response.recordedAt;
    }

    private Optional<ScoreRules.Reflection> latestReflection(ClientRef client, String professionalId) {
        return FeedbackResponse.<FeedbackResponse>find(
                        "clientId = ?1 and professionalId = ?2 and rater = 'professional' order by recordedAt desc",
                        client.clientId, professionalId).stream()
                .flatMap(r -> measures.find(client.organisationId, r.measureId)
                        .filter(m -> m.purpose() == Purpose.REFLECTION)
                        .map(m -> new ScoreRules.Reflection(m, scored(r))).stream())
                .findFirst();
    }

    private Optional<ScoredResponse> latestClientAllianceRating(ClientRef client, String professionalId) {
        return FeedbackResponse.<FeedbackResponse>find(
                        "clientId = ?1 and professionalId = ?2 and rater = 'client' order by recordedAt desc",
                        client.clientId, professionalId).stream()
                .filter(r -> measures.find(client.organisationId, r.measureId).map(m -> m.purpose() == Purpose.ALLIANCE).orElse(false))
                .map(Feedback::scored)
                .findFirst();
    }

    static ScoredResponse scored(FeedbackResponse r) {
        return new ScoredResponse(r.id, r.measureId, r.recordedAt, r.total, r.percentOfMax, r.inConcernRange);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
