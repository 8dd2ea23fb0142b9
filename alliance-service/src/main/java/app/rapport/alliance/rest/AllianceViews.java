package app.rapport.alliance.rest;

import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RepairAttempt;
import app.rapport.alliance.domain.RuptureSignal;
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

    public record ResponseView(UUID id, UUID clientId, String professionalId, String measureId, String rater, UUID sessionId,
                               double total, Map<String, Double> subscales, double percentOfMax, boolean inConcernRange,
                               boolean prorated, Instant recordedAt, List<SignalView> signals, UUID episodeId,
                               boolean episodeResolved) {
        public static ResponseView of(Feedback.Recorded r) {
            var x = r.response();
            return new ResponseView(x.id, x.clientId, x.professionalId, x.measureId, x.rater, x.sessionId, x.total,
                    r.score().subscales(), x.percentOfMax, x.inConcernRange, x.prorated, x.recordedAt,
                    r.signals().stream().map(s -> SignalView.of(s, x.recordedAt)).toList(),
                    r.episode() == null ? null : r.episode().id, r.resolvedEpisode());
        }
    }

    public record TrendPoint(UUID responseId, String measureId, Instant at, double total, double percentOfMax,
                             Double cutOff, boolean inConcernRange) {
    }

    public record EpisodeMarker(UUID episodeId, String state, Instant detectedAt, Instant endedAt) {
    }

    /** One professional's line on the client's chart: client ratings, their own check-ins, and rupture markers. */
    public record PairTrend(String professionalId, List<TrendPoint> clientRatings, List<TrendPoint> professionalCheckIns,
                            List<EpisodeMarker> episodes) {
    }

    public record ClientTrend(UUID clientId, List<PairTrend> pairs) {
    }

    static TrendPoint point(FeedbackResponse r, Double cutOff) {
        return new TrendPoint(r.id, r.measureId, r.recordedAt, r.total, r.percentOfMax, cutOff, r.inConcernRange);
    }
}
