package app.rapport.alliance.rules;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Purpose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rupture signals from scores (signals 1, 2, 6 and 7). Pure: everything the rules need is passed in.
 * <p>
 * Scores are only compared with scores on the <b>same measure</b>: totals on different scales say nothing about
 * each other, so a pair's first score on a measure has no previous score and no baseline, even if the pair used
 * another measure before.
 */
public final class ScoreRules {

    private ScoreRules() {
    }

    /**
     * Signals raised by a client's alliance rating.
     *
     * @param measure the measure of {@code current}
     * @param earlier the pair's earlier client ratings, oldest first, any measure
     * @param latestReflection the professional's latest reflective check-in for the pair, with its measure
     */
    public static List<Signal> clientRating(MeasureDefinition measure, ScoredResponse current, List<ScoredResponse> earlier,
                                            Optional<Reflection> latestReflection, Thresholds t) {
        if (measure.purpose() != Purpose.ALLIANCE) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        List<ScoredResponse> sameMeasure = earlier.stream().filter(r -> r.measureId().equals(current.measureId())).toList();

        boolean higherIsBetter = measure.direction().higherIsBetter();
        String concernSide = higherIsBetter ? " < cutOff" : " >= cutOff";
        if (measure.inConcernRange(current.total())) {
            signals.add(new Signal(SignalKind.BELOW_CUT_OFF, new Evidence("total" + concernSide,
                    List.of(current.id()), List.of(), Map.of("total", current.total()), Map.of("cutOff", measure.cutOff()),
                    measureCodes(measure))));
        }
        if (measure.reliableChange() != null && !sameMeasure.isEmpty()) {
            ScoredResponse previous = sameMeasure.get(sameMeasure.size() - 1);
            if (measure.reliableChange().isReliableWorsening(previous.total(), current.total(), higherIsBetter)) {
                signals.add(new Signal(SignalKind.DROP_FROM_PREVIOUS, dropEvidence(measure, List.of(previous.id(), current.id()),
                        previous.total(), current.total(), "previous")));
            }
            if (sameMeasure.size() >= t.baselineScores()) {
                List<ScoredResponse> base = sameMeasure.subList(0, t.baselineScores());
                double baseline = base.stream().mapToDouble(ScoredResponse::total).average().orElseThrow();
                if (measure.reliableChange().isReliableWorsening(baseline, current.total(), higherIsBetter)) {
                    List<java.util.UUID> ids = new ArrayList<>(base.stream().map(ScoredResponse::id).toList());
                    ids.add(current.id());
                    signals.add(new Signal(SignalKind.DROP_FROM_BASELINE, dropEvidence(measure, ids, baseline,
                            current.total(), "baseline")));
                }
            }
        }
        if (measure.cutOff() != null && sameMeasure.size() + 1 == t.earlyWarningSessions()) {
            List<ScoredResponse> first = new ArrayList<>(sameMeasure);
            first.add(current);
            double mean = first.stream().mapToDouble(ScoredResponse::total).average().orElseThrow();
            // A rising alliance that has reached the cut-off by then is not a warning.
            if (measure.inConcernRange(mean) && measure.inConcernRange(current.total())) {
                signals.add(new Signal(SignalKind.EARLY_WARNING, new Evidence("mean of first " + t.earlyWarningSessions()
                        + " totals" + concernSide + " and total" + concernSide, first.stream().map(ScoredResponse::id).toList(), List.of(),
                        Map.of("meanTotal", mean), Map.of("cutOff", measure.cutOff(),
                        "earlyWarningSessions", (double) t.earlyWarningSessions()), measureCodes(measure))));
            }
        }
        latestReflection.flatMap(reflection -> discrepancy(current, reflection, t)).ifPresent(signals::add);
        return signals;
    }

    /** Signal 6 seen from the professional's side: their low check-in against the client's latest ceiling rating. */
    public static List<Signal> professionalReflection(Reflection reflection, Optional<ScoredResponse> latestClientAllianceRating,
                                                      Thresholds t) {
        return latestClientAllianceRating.flatMap(client -> discrepancy(client, reflection, t)).stream().toList();
    }

    /** A professional's check-in with its measure (which decides what is low). */
    public record Reflection(MeasureDefinition measure, ScoredResponse response) {
    }

    private static Optional<Signal> discrepancy(ScoredResponse client, Reflection reflection, Thresholds t) {
        boolean ceiling = client.percentOfMax() >= t.ceilingPercent();
        boolean professionalLow = reflection.measure().inConcernRange(reflection.response().total());
        Duration apart = Duration.between(client.at(), reflection.response().at()).abs();
        boolean close = apart.compareTo(Duration.ofDays(t.discrepancyWindowDays())) <= 0;
        if (!ceiling || !professionalLow || !close) {
            return Optional.empty();
        }
        Map<String, Double> observed = new HashMap<>();
        observed.put("clientPercentOfMax", client.percentOfMax());
        observed.put("professionalTotal", reflection.response().total());
        observed.put("professionalPercentOfMax", reflection.response().percentOfMax());
        observed.put("daysApart", apart.toMinutes() / 1440.0);
        return Optional.of(new Signal(SignalKind.RATING_DISCREPANCY, new Evidence(
                "client percentOfMax >= ceilingPercent and professional total < its cutOff within discrepancyWindowDays",
                List.of(client.id(), reflection.response().id()), List.of(), observed,
                Map.of("ceilingPercent", t.ceilingPercent(), "professionalCutOff", reflection.measure().cutOff(),
                        "discrepancyWindowDays", (double) t.discrepancyWindowDays()),
                Map.of("clientMeasure", client.measureId(), "professionalMeasure", reflection.measure().id(),
                        "professionalMeasureValidated", Boolean.toString(reflection.measure().validated())))));
    }

    private static Evidence dropEvidence(MeasureDefinition measure, List<java.util.UUID> ids, double before, double after,
                                         String from) {
        var rc = measure.reliableChange();
        Map<String, Double> observed = new HashMap<>();
        observed.put(from + "Total", before);
        observed.put("total", after);
        observed.put("change", after - before);
        Map<String, Double> thresholds = new HashMap<>();
        String rule;
        if (rc.isDerived()) {
            observed.put("reliableChangeIndex", rc.index(before, after));
            thresholds.put("sd", rc.sd());
            thresholds.put("reliability", rc.reliability());
            thresholds.put("z", app.rapport.alliance.measures.ReliableChange.Z);
            rule = "|(total - " + from + "Total) / (sd * sqrt(2) * sqrt(1 - reliability))| > z";
        } else {
            thresholds.put("reliableChangePoints", rc.points());
            rule = from + "Total - total >= reliableChangePoints";
        }
        return new Evidence(rule, ids, List.of(), observed, thresholds, measureCodes(measure));
    }

    /**
     * The evidence names the measure, its direction (so a reader of the episode knows which way the totals run) and
     * whether it is validated (Rapport's own measures are not, and their scores never appear without saying so).
     */
    private static Map<String, String> measureCodes(MeasureDefinition measure) {
        return Map.of("measure", measure.id(), "direction", measure.direction().wire(),
                "validated", Boolean.toString(measure.validated()));
    }
}
