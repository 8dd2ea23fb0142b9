package app.rapport.alliance.rest;

import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RepairAttempt;
import app.rapport.alliance.domain.RuptureSignal;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.ScoreMeaning;
import app.rapport.alliance.measures.SeverityBand;
import app.rapport.alliance.rules.Signal;
import app.rapport.alliance.service.ClientAlliance;
import app.rapport.alliance.service.Feedback;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the alliance API answers with. */
public final class AllianceViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllianceViews() {
    }

    public record SignalView(String kind, JsonNode evidence, Instant detectedAt) {
        static SignalView of(RuptureSignal s) {
            try {
                return new SignalView(s.kind.wire(), JSON.readTree(s.evidence), s.detectedAt);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static SignalView of(Signal s, Instant at) {
            return new SignalView(s.kind().wire(), JSON.valueToTree(s.evidence()), at);
        }
    }

    public record RepairView(UUID id, String strategy, String note, String recordedBy, Instant recordedAt) {
        static RepairView of(RepairAttempt r) {
            return new RepairView(r.id, r.strategy, r.note, r.recordedBy, r.recordedAt);
        }
    }

    public record EpisodeView(UUID id, UUID clientId, String professionalId, String state, Instant detectedAt,
                              Instant acknowledgedAt, String acknowledgedBy, Instant endedAt, String endReason,
                              boolean repaired, List<SignalView> signals, List<RepairView> repairs) {
        public static EpisodeView of(ClientAlliance.EpisodeDetail d) {
            var e = d.episode();
            return new EpisodeView(e.id, e.clientId, e.professionalId, e.state.wire(), e.detectedAt, e.acknowledgedAt,
                    e.acknowledgedBy, e.endedAt, e.endReason, e.repaired, d.signals().stream().map(SignalView::of).toList(),
                    d.repairs().stream().map(RepairView::of).toList());
        }
    }

    /** A recorded response with its score and what the score means (purpose, direction, validated, band). */
    public record ResponseView(UUID id, UUID clientId, String professionalId, String measureId, String rater, UUID sessionId,
                               double total, Map<String, Double> subscales, double percentOfMax, boolean inConcernRange,
                               String purpose, String direction, boolean validated, SeverityBand band,
                               boolean prorated, Instant recordedAt, List<SignalView> signals, UUID episodeId,
                               boolean episodeResolved) {
        public static ResponseView of(Feedback.Recorded r) {
            var x = r.response();
            ScoreMeaning meaning = ScoreMeaning.of(r.measure(), x.total);
            return new ResponseView(x.id, x.clientId, x.professionalId, x.measureId, x.rater, x.sessionId, x.total,
                    r.score().subscales(), x.percentOfMax, x.inConcernRange, meaning.purpose(), meaning.direction(),
                    meaning.validated(), meaning.band(), x.prorated, x.recordedAt,
                    r.signals().stream().map(s -> SignalView.of(s, x.recordedAt)).toList(),
                    r.episode() == null ? null : r.episode().id, r.resolvedEpisode());
        }
    }

    /**
     * One score on a chart, with what it means: {@code inConcernRange} is on the measure's own concern side (below the
     * cut-off when higher is better, at or above it when higher is worse).
     */
    public record TrendPoint(UUID responseId, String measureId, Instant at, double total, double percentOfMax,
                             Double cutOff, boolean inConcernRange, String purpose, String direction, boolean validated,
                             SeverityBand band) {
    }

    public record EpisodeMarker(UUID episodeId, String state, Instant detectedAt, Instant endedAt) {
    }

    /**
     * One client–professional pair on the client's record, in series that are never mixed: the client's alliance
     * ratings, the professional's own check-ins, the outcome measures given in this work (each its own measure and
     * direction), and rupture markers.
     */
    public record PairTrend(String professionalId, List<TrendPoint> clientRatings, List<TrendPoint> professionalCheckIns,
                            List<TrendPoint> outcomes, List<EpisodeMarker> episodes) {
    }

    public record ClientTrend(UUID clientId, List<PairTrend> pairs) {
    }

    static TrendPoint point(FeedbackResponse r, MeasureDefinition measure) {
        ScoreMeaning meaning = ScoreMeaning.of(measure, r.total);
        return new TrendPoint(r.id, r.measureId, r.recordedAt, r.total, r.percentOfMax, measure.cutOff(), r.inConcernRange,
                meaning.purpose(), meaning.direction(), meaning.validated(), meaning.band());
    }
}
