package app.rapport.alliance.rules;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static app.rapport.alliance.rules.SignalKind.BELOW_CUT_OFF;
import static app.rapport.alliance.rules.SignalKind.DROP_FROM_BASELINE;
import static app.rapport.alliance.rules.SignalKind.DROP_FROM_PREVIOUS;
import static app.rapport.alliance.rules.SignalKind.EARLY_WARNING;
import static app.rapport.alliance.rules.SignalKind.RATING_DISCREPANCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Score rules on histories of client ratings. Rapport's alliance check: total 0–40, cut-off 30, reliable change
 * derived from SD 5 and r .80, so a drop is reliable beyond 1.96 × 3.162 = 6.198 points. SRS: cut-off 36, no
 * reliable-change value. Reflective check-in: cut-off 24.
 */
class ScoreRulesTest {

    private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");
    private static final MeasureDefinition CHECK = StandardMeasures.SESSION_ALLIANCE;
    private static final MeasureDefinition SRS = StandardMeasures.SRS_V3;

    private static ScoredResponse rating(MeasureDefinition m, int week, double total) {
        return new ScoredResponse(UUID.randomUUID(), m.id(), T0.plus(Duration.ofDays(7L * week)), total,
                (total - m.minTotal()) / (m.maxTotal() - m.minTotal()) * 100, m.inConcernRange(total));
    }

    /** Totals on the alliance check, one a week; the last is the current rating. */
    private static Set<SignalKind> signals(double... totals) {
        List<ScoredResponse> earlier = new ArrayList<>();
        for (int i = 0; i < totals.length - 1; i++) {
            earlier.add(rating(CHECK, i, totals[i]));
        }
        ScoredResponse current = rating(CHECK, totals.length - 1, totals[totals.length - 1]);
        return ScoreRules.clientRating(CHECK, current, earlier, Optional.empty(), Thresholds.DEFAULTS).stream()
                .map(Signal::kind).collect(Collectors.toSet());
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("first ever score, healthy: nothing to compare, nothing fires", new double[]{36}, Set.of()),
                Arguments.of("first ever score, low: below cut-off only", new double[]{20}, Set.of(BELOW_CUT_OFF)),
                Arguments.of("at the cut-off exactly: not below", new double[]{30}, Set.of()),
                Arguments.of("one under the cut-off", new double[]{29}, Set.of(BELOW_CUT_OFF)),
                Arguments.of("steady strong alliance", new double[]{35, 36, 37, 36, 38, 37}, Set.of()),
                Arguments.of("drop of 6 from baseline 36 and 5 from previous (RC −1.90, −1.58): not reliable",
                        new double[]{36, 36, 36, 35, 30}, Set.of()),
                Arguments.of("baseline (38+36+37)/3 = 37; 37 − 30 = 7 > 6.198; previous 36 − 30 = 6 is not",
                        new double[]{38, 36, 37, 36, 30}, Set.of(DROP_FROM_BASELINE)),
                Arguments.of("drop of 7 from previous (RC −2.21), still at cut-off", new double[]{38, 37, 37, 37, 30},
                        Set.of(DROP_FROM_PREVIOUS, DROP_FROM_BASELINE)),
                Arguments.of("gradual decline: each step small, but 7.33 below the baseline mean 37.33",
                        new double[]{38, 37, 37, 35, 33, 31, 30}, Set.of(DROP_FROM_BASELINE)),
                Arguments.of("baseline needs three earlier scores: with two, only the previous counts",
                        new double[]{38, 38, 31}, Set.of(DROP_FROM_PREVIOUS)),
                Arguments.of("early warning: mean of 24, 27, 28 = 26.33 < 30 at the third rating",
                        new double[]{24, 27, 28}, Set.of(BELOW_CUT_OFF, EARLY_WARNING)),
                Arguments.of("early warning needs the mean below: 28, 31, 31 = 30 is a tie, no warning",
                        new double[]{28, 31, 31}, Set.of()),
                Arguments.of("no early warning at the fourth rating (it is judged once, at the third)",
                        new double[]{24, 27, 28, 29}, Set.of(BELOW_CUT_OFF)),
                Arguments.of("a rise is never a drop, and reaching 35 by the third rating is no early warning",
                        new double[]{20, 22, 35}, Set.of()),
                Arguments.of("mean 27.33 is low but the third rating (31) is above the cut-off: no early warning",
                        new double[]{24, 27, 31}, Set.of()),
                Arguments.of("V-shape bottom: big drop, below cut-off", new double[]{36, 37, 36, 24},
                        Set.of(BELOW_CUT_OFF, DROP_FROM_PREVIOUS, DROP_FROM_BASELINE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void firesExactlyTheExpectedSignals(String why, double[] totals, Set<SignalKind> expected) {
        assertEquals(expected, signals(totals), why);
    }

    @Test
    void scoresOnAnotherMeasureAreNotComparedAcrossScales() {
        // SRS 39/40 then the alliance check 31/40: 97.5% → 77.5% would look like a fall, but the scales differ.
        List<ScoredResponse> earlier = List.of(rating(SRS, 0, 39), rating(SRS, 1, 39), rating(SRS, 2, 39));
        ScoredResponse current = rating(CHECK, 3, 31);
        assertEquals(List.of(), ScoreRules.clientRating(CHECK, current, earlier, Optional.empty(), Thresholds.DEFAULTS));
        // And the first alliance-check rating after them counts as the first for the early warning.
        List<Signal> third = ScoreRules.clientRating(CHECK, rating(CHECK, 5, 20),
                List.of(rating(SRS, 0, 39), rating(CHECK, 3, 25), rating(CHECK, 4, 25)), Optional.empty(), Thresholds.DEFAULTS);
        assertTrue(third.stream().anyMatch(s -> s.kind() == EARLY_WARNING));
    }

    @Test
    void aMeasureWithoutReliableChangeGivesNoDropSignalsButStillHasItsCutOff() {
        List<ScoredResponse> earlier = List.of(rating(SRS, 0, 40), rating(SRS, 1, 40), rating(SRS, 2, 40));
        List<Signal> signals = ScoreRules.clientRating(SRS, rating(SRS, 3, 20), earlier, Optional.empty(), Thresholds.DEFAULTS);
        assertEquals(Set.of(BELOW_CUT_OFF), signals.stream().map(Signal::kind).collect(Collectors.toSet()));
    }

    @Test
    void aMeasureWithNeitherCutOffNorReliableChangeFiresNothing() {
        MeasureDefinition wai = StandardMeasures.WAISR;
        List<ScoredResponse> earlier = List.of(rating(wai, 0, 60), rating(wai, 1, 60));
        assertEquals(List.of(), ScoreRules.clientRating(wai, rating(wai, 2, 12), earlier, Optional.empty(), Thresholds.DEFAULTS));
    }

    @Test
    void outcomeMeasuresRaiseNoRuptureSignals() {
        MeasureDefinition phq = StandardMeasures.PHQ9;
        assertEquals(List.of(), ScoreRules.clientRating(phq, rating(phq, 1, 27), List.of(rating(phq, 0, 0)), Optional.empty(),
                Thresholds.DEFAULTS));
    }

    @Test
    void evidenceNamesTheScoresTheRuleAndTheThresholds() {
        ScoredResponse first = rating(CHECK, 0, 38);
        ScoredResponse current = rating(CHECK, 1, 30);
        Signal drop = ScoreRules.clientRating(CHECK, current, List.of(first), Optional.empty(), Thresholds.DEFAULTS).get(0);
        assertEquals(DROP_FROM_PREVIOUS, drop.kind());
        assertEquals(List.of(first.id(), current.id()), drop.evidence().responseIds());
        assertEquals(-8.0, drop.evidence().observed().get("change"), 1e-9);
        // −8 / 3.16228 = −2.5298
        assertEquals(-2.5298, drop.evidence().observed().get("reliableChangeIndex"), 1e-4);
        assertEquals(5.0, drop.evidence().thresholds().get("sd"));
        assertEquals(0.8, drop.evidence().thresholds().get("reliability"));
        assertEquals(1.96, drop.evidence().thresholds().get("z"));
        assertTrue(drop.evidence().rule().contains("> z"));
        assertEquals(CHECK.id(), drop.evidence().codes().get("measure"));
        assertEquals("higher-is-better", drop.evidence().codes().get("direction"));
        assertEquals(Boolean.toString(CHECK.validated()), drop.evidence().codes().get("validated"));
        assertEquals("false", drop.evidence().codes().get("validated"), "Rapport's own check is not validated");
    }

    @Test
    void pointsBasedReliableChangeCountsATieAsReliable() {
        // A variant of the check with a published 6-point reliable change: 36 → 30 is exactly 6.
        MeasureDefinition pointsBased = new MeasureDefinition("points-check", "1", null, CHECK.purpose(), CHECK.rater(),
                CHECK.scale(), CHECK.items(), 0, 30.0, app.rapport.alliance.measures.ReliableChange.points(6), false, "l", "a");
        ScoredResponse previous = rating(pointsBased, 0, 36);
        assertEquals(List.of(DROP_FROM_PREVIOUS), ScoreRules.clientRating(pointsBased, rating(pointsBased, 1, 30),
                List.of(previous), Optional.empty(), Thresholds.DEFAULTS).stream().map(Signal::kind).toList());
        assertEquals(List.of(BELOW_CUT_OFF), ScoreRules.clientRating(pointsBased, rating(pointsBased, 1, 29.5),
                List.of(rating(pointsBased, 0, 35)), Optional.empty(), Thresholds.DEFAULTS).stream().map(Signal::kind).toList());
    }

    static Stream<Arguments> discrepancies() {
        MeasureDefinition r = StandardMeasures.REFLECTIVE;
        return Stream.of(
                // client total, professional total, days apart, fires
                Arguments.of("ceiling 38/40 = 95% (tie counts) and professional 20 < 24", 38.0, 20.0, 2, true),
                Arguments.of("37/40 = 92.5% is not the ceiling", 37.0, 20.0, 2, false),
                Arguments.of("professional at their cut-off 24 is not low", 40.0, 24.0, 2, false),
                Arguments.of("14 days apart is within the window", 40.0, 10.0, 14, true),
                Arguments.of("15 days apart is outside it", 40.0, 10.0, 15, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discrepancies")
    void ceilingVersusProfessionalLow(String why, double client, double professional, int daysApart, boolean fires) {
        ScoredResponse clientRating = rating(CHECK, 0, client);
        MeasureDefinition r = StandardMeasures.REFLECTIVE;
        ScoredResponse reflection = new ScoredResponse(UUID.randomUUID(), r.id(), clientRating.at().plus(Duration.ofDays(daysApart)),
                professional, professional / 40 * 100, r.inConcernRange(professional));
        var asReflection = new ScoreRules.Reflection(r, reflection);
        boolean fromClientSide = ScoreRules.clientRating(CHECK, clientRating, List.of(), Optional.of(asReflection),
                Thresholds.DEFAULTS).stream().anyMatch(s -> s.kind() == RATING_DISCREPANCY);
        boolean fromProfessionalSide = ScoreRules.professionalReflection(asReflection, Optional.of(clientRating),
                Thresholds.DEFAULTS).stream().anyMatch(s -> s.kind() == RATING_DISCREPANCY);
        assertEquals(fires, fromClientSide, why);
        assertEquals(fires, fromProfessionalSide, why);
        ScoreRules.professionalReflection(asReflection, Optional.of(clientRating), Thresholds.DEFAULTS).stream()
                .filter(s -> s.kind() == RATING_DISCREPANCY)
                .forEach(s -> assertEquals("false", s.evidence().codes().get("professionalMeasureValidated"), why));
    }

    @Test
    void organisationThresholdsChangeTheOutcome() {
        Thresholds strictCeiling = new Thresholds(24, 48, 2, 30, 3, 30, 15, 2.0, 100, 14, 3, 3);
        MeasureDefinition r = StandardMeasures.REFLECTIVE;
        ScoredResponse clientRating = rating(CHECK, 0, 39);
        var reflection = new ScoreRules.Reflection(r, new ScoredResponse(UUID.randomUUID(), r.id(), clientRating.at(), 10, 25, true));
        assertTrue(ScoreRules.clientRating(CHECK, clientRating, List.of(), Optional.of(reflection), Thresholds.DEFAULTS)
                .stream().anyMatch(s -> s.kind() == RATING_DISCREPANCY));
        assertTrue(ScoreRules.clientRating(CHECK, clientRating, List.of(), Optional.of(reflection), strictCeiling)
                .stream().noneMatch(s -> s.kind() == RATING_DISCREPANCY));
        Thresholds earlyAtTwo = new Thresholds(24, 48, 2, 30, 3, 30, 15, 2.0, 95, 14, 2, 3);
        assertTrue(ScoreRules.clientRating(CHECK, rating(CHECK, 1, 25), List.of(rating(CHECK, 0, 25)), Optional.empty(), earlyAtTwo)
                .stream().anyMatch(s -> s.kind() == EARLY_WARNING));
    }
}
