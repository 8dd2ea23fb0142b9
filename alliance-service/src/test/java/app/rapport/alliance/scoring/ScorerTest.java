package app.rapport.alliance.scoring;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worked examples, computed by hand from each measure's published scoring rules (the arithmetic is in
 * each row's description), then compared with what the scorer computes from the definition alone.
 */
class ScorerTest {

    private static final double EPS = 1e-9;

    /** Answers for items "1".."n" in order; {@code null} leaves the item out. */
    private static Map<String, Integer> numbered(Integer... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                answers.put(String.valueOf(i + 1), values[i]);
            }
        }
        return answers;
    }

    private static Map<String, Integer> own(int bond, int goals, int approach, int overall) {
        return Map.of("bond", bond, "goals", goals, "approach", approach, "overall", overall);
    }

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                Arguments.of("alliance check 8+7+9+6 = 30; 30/40 = 75%; 30 is not below the cut-off of 30",
                        StandardMeasures.SESSION_ALLIANCE, own(8, 7, 9, 6), 30.0, 75.0, false, false, Map.of("bond", 8.0, "overall", 6.0)),
                Arguments.of("alliance check 7+7+7+8 = 29; 29/40 = 72.5%; below 30",
                        StandardMeasures.SESSION_ALLIANCE, own(7, 7, 7, 8), 29.0, 72.5, true, false, Map.of("goals", 7.0)),
                Arguments.of("alliance check at the floor 0+0+0+0 = 0%",
                        StandardMeasures.SESSION_ALLIANCE, own(0, 0, 0, 0), 0.0, 0.0, true, false, Map.of()),
                Arguments.of("alliance check at the ceiling 10×4 = 40 = 100%",
                        StandardMeasures.SESSION_ALLIANCE, own(10, 10, 10, 10), 40.0, 100.0, false, false, Map.of()),
                Arguments.of("reflective check-in 3+4+5+6 = 18; 18/40 = 45%; below 24",
                        StandardMeasures.REFLECTIVE, Map.of("ease", 3, "difficult-topics", 4, "own-concerns", 5, "working", 6),
                        18.0, 45.0, true, false, Map.of("working", 6.0)),
                Arguments.of("CORE-10 answers 2,3,1,2,2,1,0,3,2,1; items 2 and 3 reversed: 4−3=1, 4−1=3; "
                                + "2+1+3+2+2+1+0+3+2+1 = 17; 17/40 = 42.5%; clinical from 11",
                        StandardMeasures.CORE10, numbered(2, 3, 1, 2, 2, 1, 0, 3, 2, 1), 17.0, 42.5, true, false, Map.of()),
                Arguments.of("CORE-10 item 10 missing: 2+1+3+2+2+1+0+3+2 = 16 over 9 items, prorated 16×10/9 = 17.78; 44.44%",
                        StandardMeasures.CORE10, numbered(2, 3, 1, 2, 2, 1, 0, 3, 2, null), 160.0 / 9, 160.0 / 9 / 40 * 100, true, true, Map.of()),
                Arguments.of("CORE-10 all 0 but items 2 and 3 (reversed) count 4 each: total 8; 20%; below 11",
                        StandardMeasures.CORE10, numbered(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 8.0, 20.0, false, false, Map.of()),
                Arguments.of("PHQ-9 1+2+1+0+3+2+1+0+0 = 10; 10/27 = 37.04%; caseness at 10 (tie counts)",
                        StandardMeasures.PHQ9, numbered(1, 2, 1, 0, 3, 2, 1, 0, 0), 10.0, 1000.0 / 27, true, false, Map.of()),
                Arguments.of("PHQ-9 eight 1s and a 0 = 8; 29.63%; not a case",
                        StandardMeasures.PHQ9, numbered(1, 1, 1, 1, 1, 1, 1, 1, 0), 8.0, 800.0 / 27, false, false, Map.of()),
                Arguments.of("GAD-7 seven 1s = 7; 7/21 = 33.33%; below 8",
                        StandardMeasures.GAD7, numbered(1, 1, 1, 1, 1, 1, 1), 7.0, 100.0 / 3, false, false, Map.of()),
                Arguments.of("GAD-7 2+1+1+1+1+1+1 = 8; caseness at 8 (tie counts)",
                        StandardMeasures.GAD7, numbered(2, 1, 1, 1, 1, 1, 1), 8.0, 800.0 / 21, true, false, Map.of()),
                Arguments.of("SRS 9+9+8+9 = 35; 87.5%; below 36",
                        StandardMeasures.SRS_V3, Map.of("relationship", 9, "goals-topics", 9, "approach-method", 8, "overall", 9),
                        35.0, 87.5, true, false, Map.of()),
                Arguments.of("SRS 9+9+9+9 = 36; 90%; 36 is not below 36",
                        StandardMeasures.SRS_V3, Map.of("relationship", 9, "goals-topics", 9, "approach-method", 9, "overall", 9),
                        36.0, 90.0, false, false, Map.of()),
                Arguments.of("ORS 5+6+4+7 = 22; 55%; below the clinical cut-off 25 (higher is better)",
                        StandardMeasures.ORS_V, Map.of("individually", 5, "interpersonally", 6, "socially", 4, "overall", 7),
                        22.0, 55.0, true, false, Map.of()),
                Arguments.of("WAI-SR 4,4,5,3,5,3,5,4,5,4,3,4: task (1,2,10,12) 4+4+4+4 = 16; bond (3,5,7,9) 5+5+5+5 = 20; "
                                + "goal (4,6,8,11) 3+3+4+3 = 13; total 49; (49−12)/(60−12) = 77.08%; no cut-off",
                        StandardMeasures.WAISR, numbered(4, 4, 5, 3, 5, 3, 5, 4, 5, 4, 3, 4), 49.0, 3700.0 / 48, false, false,
                        Map.of("task", 16.0, "bond", 20.0, "goal", 13.0)),
                Arguments.of("WAI-SR all 1s: 12 = 0% of the 12–60 range; each subscale 4",
                        StandardMeasures.WAISR, numbered(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 12.0, 0.0, false, false,
                        Map.of("task", 4.0, "bond", 4.0, "goal", 4.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void scoresWorkedExamples(String arithmetic, MeasureDefinition measure, Map<String, Integer> answers, double total,
                              double percent, boolean concern, boolean prorated, Map<String, Double> someSubscales) {
        Score score = Scorer.score(measure, answers);
        assertEquals(total, score.total(), EPS, arithmetic);
        assertEquals(percent, score.percentOfMax(), EPS, arithmetic);
        assertEquals(concern, score.inConcernRange(), arithmetic);
        assertEquals(prorated, score.prorated(), arithmetic);
        assertEquals(answers.size(), score.answered());
        someSubscales.forEach((name, value) -> assertEquals(value, score.subscales().get(name), EPS, arithmetic + " / " + name));
        assertEquals(measure.subscales().keySet(), score.subscales().keySet(), "every subscale with an answer is scored");
    }

    static Stream<Arguments> invalidResponses() {
        return Stream.of(
                Arguments.of("no answers", StandardMeasures.SESSION_ALLIANCE, Map.of(), "answers"),
                Arguments.of("above the scale", StandardMeasures.SESSION_ALLIANCE, own(11, 5, 5, 5), "answers.bond"),
                Arguments.of("below the scale", StandardMeasures.WAISR, numbered(0, 4, 5, 3, 5, 3, 5, 4, 5, 4, 3, 4), "answers.1"),
                Arguments.of("not an item", StandardMeasures.SESSION_ALLIANCE,
                        Map.of("bond", 5, "goals", 5, "approach", 5, "overall", 5, "mood", 3), "answers.mood"),
                Arguments.of("a missing item where none may be missing", StandardMeasures.SESSION_ALLIANCE,
                        Map.of("bond", 5, "goals", 5, "approach", 5), "answers"),
                Arguments.of("two missing where CORE-10 prorates over one", StandardMeasures.CORE10,
                        numbered(2, 3, 1, 2, 2, 1, 0, 3, null, null), "answers"),
                Arguments.of("PHQ-9 with one missing", StandardMeasures.PHQ9, numbered(1, 2, 1, 0, 3, 2, 1, 0, null), "answers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResponses")
    void refusesWhatCannotBeScoredNamingTheField(String why, MeasureDefinition measure, Map<String, Integer> answers,
                                                 String field) {
        InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> Scorer.score(measure, answers), why);
        assertEquals(field, e.field(), why);
        assertTrue(!e.reason().isBlank());
    }

    @org.junit.jupiter.api.Test
    void aNullAnswerIsRefused() {
        Map<String, Integer> answers = new LinkedHashMap<>(own(5, 5, 5, 5));
        answers.put("bond", null);
        assertEquals("answers.bond", assertThrows(InvalidResponseException.class,
                () -> Scorer.score(StandardMeasures.SESSION_ALLIANCE, answers)).field());
    }
}
