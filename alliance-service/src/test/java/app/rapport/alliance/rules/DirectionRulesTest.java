package app.rapport.alliance.rules;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.alliance.outcomes.OutcomeLinkage;
import app.rapport.alliance.outcomes.OutcomeLinkage.OutcomeChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rule that compares scores reads the measure's direction: the same numbers mean recovery on one measure and
 * worsening on another. Each row is one measure and a change from {@code before} to {@code after}.
 */
class DirectionRulesTest {

    @ParameterizedTest(name = "{0}: {1} → {2} is a concern {3}, reliably worse {4}, recovered {5}, outcome {6}")
    @CsvSource({
            // higher is better
            "rapport-session-alliance-check, 36, 25, true,  true,  false, ",
            "rapport-session-alliance-check, 25, 36, false, false, true,  ",
            "ors,                            20, 30, false, false, true,  improved",
            "ors,                            30, 20, true,  true,  false, deteriorated",
            "ors,                            26, 28, false, false, true,  no-change",
            // higher is worse: a rise is the worsening, and the cut-off itself is of concern
            "phq-9,                          8,  16, true,  true,  false, deteriorated",
            "phq-9,                          16, 8,  false, false, true,  improved",
            "phq-9,                          4,  10, true,  true,  false, deteriorated",
            "gad-7,                          12, 7,  false, false, true,  improved",
            "gad-7,                          7,  8,  true,  false, false, no-change",
            "core-10,                        22, 10, false, false, true,  improved",
            "core-10,                        10, 16, true,  true,  false, deteriorated"})
    void comparisonsFollowTheMeasuresDirection(String measureId, double before, double after, boolean concern,
                                               boolean reliablyWorse, boolean recovered, String outcome) {
        MeasureDefinition m = StandardMeasures.byId(measureId).orElseThrow();
        boolean higherIsBetter = m.direction().higherIsBetter();
        assertEquals(concern, m.inConcernRange(after), "concern side");
        assertEquals(reliablyWorse, m.reliableChange().isReliableWorsening(before, after, higherIsBetter), "worsening");
        assertEquals(recovered, Recovery.recovered(m, after, OptionalDouble.of(before)), "recovery");
        if (outcome != null) {
            OutcomeChange change = OutcomeLinkage.change(OutcomeLinkage.OutcomeSeries.of(m, before, after, 2));
            assertEquals(outcome, change.wire(), "outcome change");
        }
    }
}
