package app.rapport.alliance.outcomes;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.alliance.outcomes.OutcomeLinkage.AllianceRating;
import app.rapport.alliance.outcomes.OutcomeLinkage.EarlyAlliance;
import app.rapport.alliance.outcomes.OutcomeLinkage.Group;
import app.rapport.alliance.outcomes.OutcomeLinkage.OutcomeChange;
import app.rapport.alliance.outcomes.OutcomeLinkage.OutcomeSeries;
import app.rapport.alliance.outcomes.OutcomeLinkage.PairLink;
import app.rapport.alliance.outcomes.OutcomeLinkage.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static app.rapport.alliance.measures.StandardMeasures.SESSION_ALLIANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The outcome linkage on examples worked by hand from the measures' published values. */
class OutcomeLinkageTest {

    /** Ratings on Rapport's alliance check (0–40, cut-off 30 = 75 % of the range) given as totals. */
    private static List<AllianceRating> check(double... totals) {
        return Arrays.stream(totals).mapToObj(t -> AllianceRating.of(SESSION_ALLIANCE, t / 40 * 100)).toList();
    }

    private static OutcomeSeries series(MeasureDefinition measure, double first, double latest) {
        return OutcomeSeries.of(measure, first, latest, 2);
    }

    @Test
    void cutOffsAsAPercentageOfTheRange() {
        assertEquals(75.0, OutcomeLinkage.cutOffPercent(SESSION_ALLIANCE), 1e-9);          // 30 / 40
        assertEquals(90.0, OutcomeLinkage.cutOffPercent(StandardMeasures.SRS_V3), 1e-9);   // 36 / 40
        assertNull(OutcomeLinkage.cutOffPercent(StandardMeasures.WAISR), "WAI-SR publishes no cut-off");
    }

    @Test
    void earlyAllianceIsTheMeanOfTheFirstThreeRatingsAgainstTheirCutOff() {
        // 28, 32, 36 of 40 = 70, 80, 90 % → mean 80 % ≥ 75 %; the fourth rating (4 of 40) is not early.
        PairLink strong = OutcomeLinkage.link(check(28, 32, 36, 4), null);
        assertEquals(80.0, strong.earlyAlliancePercent(), 1e-9);
        assertEquals(EarlyAlliance.AT_OR_ABOVE_CUT_OFF, strong.earlyAlliance());
        // 24, 27, 28 = 60, 67.5, 70 % → mean 65.83 % < 75 %.
        PairLink weak = OutcomeLinkage.link(check(24, 27, 28), null);
        assertEquals(65.8333, weak.earlyAlliancePercent(), 1e-4);
        assertEquals(EarlyAlliance.BELOW_CUT_OFF, weak.earlyAlliance());
        // 30, 30, 30 → exactly 75 %: a tie is not below.
        assertEquals(EarlyAlliance.AT_OR_ABOVE_CUT_OFF, OutcomeLinkage.link(check(30, 30, 30), null).earlyAlliance());
    }

    @Test
    void mixedMeasuresCompareWithTheMeanOfTheirCutOffs() {
        // SRS 38/40 = 95 % (cut-off 90 %), then the alliance check at 28 and 32 (70 and 80 %, cut-off 75 %):
        // mean 81.67 % against (90 + 75 + 75) / 3 = 80 % → at or above.
        List<AllianceRating> ratings = List.of(AllianceRating.of(StandardMeasures.SRS_V3, 95),
                AllianceRating.of(SESSION_ALLIANCE, 70), AllianceRating.of(SESSION_ALLIANCE, 80));
        PairLink link = OutcomeLinkage.link(ratings, null);
        assertEquals(81.6667, link.earlyAlliancePercent(), 1e-4);
        assertEquals(EarlyAlliance.AT_OR_ABOVE_CUT_OFF, link.earlyAlliance());
    }

    @Test
    void tooFewRatingsOrNoCutOffLeaveThePairUnclassified() {
        PairLink two = OutcomeLinkage.link(check(10, 12), null);
        assertNull(two.earlyAlliancePercent());
        assertNull(two.earlyAlliance());
        // WAI-SR 12–60: totals 36, 48, 60 = 50, 75, 100 % → 75 %, but no cut-off to compare with.
        List<AllianceRating> waiSr = List.of(AllianceRating.of(StandardMeasures.WAISR, 50),
                AllianceRating.of(StandardMeasures.WAISR, 75), AllianceRating.of(StandardMeasures.WAISR, 100));
        PairLink link = OutcomeLinkage.link(waiSr, null);
        assertEquals(75.0, link.earlyAlliancePercent(), 1e-9);
        assertNull(link.earlyAlliance());
    }

    /** Symptom measures improve downwards, wellbeing measures upwards; a change of exactly the published value counts. */
    @ParameterizedTest(name = "{0}: {1} → {2} is {3}")
    @CsvSource({
            "phq-9,  18, 11, improved",      // 7 points down ≥ 6
            "phq-9,  18, 12, improved",      // exactly 6
            "phq-9,  18, 13, no-change",     // 5 < 6
            "phq-9,  10, 16, deteriorated",  // 6 up
            "phq-9,  10, 15, no-change",
            "core-10, 20, 14, improved",     // 6 down
            "gad-7,  12,  8, improved",      // 4 down ≥ 4
            "gad-7,  12,  9, no-change",
            "ors,    20, 26, improved",      // wellbeing: 6 up ≥ 5
            "ors,    20, 16, no-change",     // 4 down < 5
            "ors,    20, 15, deteriorated",  // 5 down
    })
    void outcomeChangeByTheMeasuresReliableChange(String measureId, double first, double latest, String expected) {
        MeasureDefinition measure = StandardMeasures.byId(measureId).orElseThrow();
        assertEquals(expected, OutcomeLinkage.change(series(measure, first, latest)).wire());
    }

    @Test
    void aDerivedReliableChangeNeedsAnIndexBeyond196() {
        // Rapport's check: SD 5, r .80 → S_diff = 5 · √2 · √0.2 = 3.1623; 6.2 / 3.1623 = 1.9606 > 1.96, 6.19 → 1.9574.
        OutcomeSeries reliable = new OutcomeSeries("check", 20, 26.2, 2, SESSION_ALLIANCE.reliableChange(), true);
        OutcomeSeries justShort = new OutcomeSeries("check", 20, 26.19, 2, SESSION_ALLIANCE.reliableChange(), true);
        assertEquals(OutcomeChange.IMPROVED, OutcomeLinkage.change(reliable));
        assertEquals(OutcomeChange.NO_CHANGE, OutcomeLinkage.change(justShort));
    }

    @Test
    void oneOutcomeResponseOrNoReliableChangeValueCannotBeJudged() {
        assertNull(OutcomeLinkage.change(OutcomeSeries.of(StandardMeasures.PHQ9, 18, 18, 1)));
        assertNull(OutcomeLinkage.change(series(StandardMeasures.SRS_V3, 20, 40)), "SRS ships no reliable-change value");
    }

    @Test
    void theTableCountsEachPairOnceByGroup() {
        MeasureDefinition phq9 = StandardMeasures.PHQ9;
        List<PairLink> links = List.of(
                OutcomeLinkage.link(check(32, 34, 36), series(phq9, 18, 9)),   // strong, improved
                OutcomeLinkage.link(check(30, 31, 33), series(phq9, 15, 8)),   // strong, improved
                OutcomeLinkage.link(check(35, 36, 38), series(phq9, 12, 10)),  // strong, no change
                OutcomeLinkage.link(check(20, 22, 25), series(phq9, 14, 20)),  // weak, deteriorated
                OutcomeLinkage.link(check(18, 24, 26), series(phq9, 16, 9)),   // weak (56.67 %), improved
                OutcomeLinkage.link(check(20, 25), series(phq9, 16, 9)),       // too few ratings
                OutcomeLinkage.link(check(33, 34, 35), null),                  // no outcome measure
                OutcomeLinkage.link(check(33, 34, 35), OutcomeSeries.of(phq9, 16, 16, 1)),  // one outcome response
                OutcomeLinkage.link(check(10), null));                          // neither
        Table table = OutcomeLinkage.tabulate(links);
        assertEquals(5, table.pairsLinked());
        assertEquals(List.of(new Group(EarlyAlliance.AT_OR_ABOVE_CUT_OFF, 2, 1, 0),
                new Group(EarlyAlliance.BELOW_CUT_OFF, 1, 0, 1)), table.groups());
        assertEquals(1, table.withoutEarlyAlliance());
        assertEquals(2, table.withoutOutcomeChange());
    }
}
