package app.rapport.alliance.outcomes;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.ReliableChange;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Relates a pair's early alliance to the client's outcome over the same work. Pure, so the method is tested on hand-
 * computed examples; docs/alliance.md describes it.
 * <ul>
 *   <li>Early alliance: the mean percentage of maximum of the pair's first {@value #EARLY_RATINGS} client alliance
 *       ratings, compared with the mean of those ratings' cut-offs as percentages of maximum: strictly below is
 *       {@link EarlyAlliance#BELOW_CUT_OFF}. Fewer ratings, or a measure without a cut-off, leave the pair
 *       unclassified.</li>
 *   <li>Outcome change: the first and the latest total on the pair's outcome measure, judged by the measure's
 *       reliable-change value in its own direction (lower is better for symptoms). Fewer than two responses, or a
 *       measure without a reliable-change value, leave the pair unclassified.</li>
 * </ul>
 */
public final class OutcomeLinkage {

    /** How many ratings make "early" (the alliance in the first sessions predicts outcome best). */
    public static final int EARLY_RATINGS = 3;

    public enum EarlyAlliance {
        AT_OR_ABOVE_CUT_OFF("at-or-above-cut-off"), BELOW_CUT_OFF("below-cut-off");

        private final String wire;

        EarlyAlliance(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }

    public enum OutcomeChange {
        IMPROVED("improved"), NO_CHANGE("no-change"), DETERIORATED("deteriorated");

        private final String wire;

        OutcomeChange(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }

    /** One client alliance rating: its percentage of maximum, and its measure's cut-off as one (null: none). */
    public record AllianceRating(double percentOfMax, Double cutOffPercent) {
        public static AllianceRating of(MeasureDefinition measure, double percentOfMax) {
            return new AllianceRating(percentOfMax, OutcomeLinkage.cutOffPercent(measure));
        }
    }

    /**
     * A pair's outcome measure: its first and latest totals (the same response when there is only one).
     *
     * @param responses how many responses there are on the measure; any number from two on is enough
     */
    public record OutcomeSeries(String measureId, double first, double latest, int responses, ReliableChange reliableChange,
                                boolean higherIsBetter) {
        public static OutcomeSeries of(MeasureDefinition measure, double first, double latest, int responses) {
            return new OutcomeSeries(measure.id(), first, latest, responses, measure.reliableChange(),
                    measure.purpose().higherIsBetter());
        }
    }

    /** What is known of one pair; any part may be null when it cannot be classified yet. */
    public record PairLink(Double earlyAlliancePercent, EarlyAlliance earlyAlliance, OutcomeChange outcomeChange) {
        public boolean linked() {
            return earlyAlliance != null && outcomeChange != null;
        }
    }

    /** One row of the table: pairs with this early alliance, by outcome change. */
    public record Group(EarlyAlliance earlyAlliance, int improved, int noChange, int deteriorated) {
    }

    /**
     * @param pairsLinked pairs with both an early alliance class and an outcome change (the table's total)
     * @param withoutEarlyAlliance pairs with an outcome change but no early-alliance class
     * @param withoutOutcomeChange pairs with an early-alliance class but no outcome change
     */
    public record Table(int pairsLinked, List<Group> groups, int withoutEarlyAlliance, int withoutOutcomeChange) {
    }

    private OutcomeLinkage() {
    }

    /** A cut-off on the measure's scale as a percentage of its range, like the ratings' percentage of maximum. */
    public static Double cutOffPercent(MeasureDefinition measure) {
        if (measure.cutOff() == null) {
            return null;
        }
        return (measure.cutOff() - measure.minTotal()) / (measure.maxTotal() - measure.minTotal()) * 100.0;
    }

    /** @param ratings the pair's client alliance ratings in the order they were given (only the first few are read) */
    public static PairLink link(List<AllianceRating> ratings, OutcomeSeries outcome) {
        Double percent = null;
        EarlyAlliance early = null;
        if (ratings.size() >= EARLY_RATINGS) {
            List<AllianceRating> first = ratings.subList(0, EARLY_RATINGS);
            percent = first.stream().mapToDouble(AllianceRating::percentOfMax).average().orElseThrow();
            if (first.stream().allMatch(r -> r.cutOffPercent() != null)) {
                double cutOff = first.stream().mapToDouble(AllianceRating::cutOffPercent).average().orElseThrow();
                early = percent < cutOff ? EarlyAlliance.BELOW_CUT_OFF : EarlyAlliance.AT_OR_ABOVE_CUT_OFF;
            }
        }
        return new PairLink(percent, early, outcome == null ? null : change(outcome));
    }

    /** Reliable improvement or deterioration from the first to the latest total, or null when it cannot be judged. */
    public static OutcomeChange change(OutcomeSeries outcome) {
        ReliableChange rc = outcome.reliableChange();
        if (outcome.responses() < 2 || rc == null) {
            return null;
        }
        if (rc.isReliableWorsening(outcome.first(), outcome.latest(), outcome.higherIsBetter())) {
            return OutcomeChange.DETERIORATED;
        }
        // An improvement is a worsening read backwards.
        if (rc.isReliableWorsening(outcome.latest(), outcome.first(), outcome.higherIsBetter())) {
            return OutcomeChange.IMPROVED;
        }
        return OutcomeChange.NO_CHANGE;
    }

    public static Table tabulate(Collection<PairLink> links) {
        Map<EarlyAlliance, Map<OutcomeChange, Integer>> counts = new EnumMap<>(EarlyAlliance.class);
        for (EarlyAlliance early : EarlyAlliance.values()) {
            counts.put(early, new EnumMap<>(OutcomeChange.class));
        }
        int linked = 0;
        int withoutEarly = 0;
        int withoutOutcome = 0;
        for (PairLink link : links) {
            if (link.linked()) {
                counts.get(link.earlyAlliance()).merge(link.outcomeChange(), 1, Integer::sum);
                linked++;
            } else if (link.outcomeChange() != null) {
                withoutEarly++;
            } else if (link.earlyAlliance() != null) {
                withoutOutcome++;
            }
        }
        List<Group> groups = counts.entrySet().stream().map(e -> new Group(e.getKey(),
                e.getValue().getOrDefault(OutcomeChange.IMPROVED, 0), e.getValue().getOrDefault(OutcomeChange.NO_CHANGE, 0),
                e.getValue().getOrDefault(OutcomeChange.DETERIORATED, 0))).toList();
        return new Table(linked, groups, withoutEarly, withoutOutcome);
    }
}
