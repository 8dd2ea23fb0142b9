package app.rapport.alliance.measures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped measure says what it is for, which way is better and whether it is validated; the banded ones carry
 * their published severity bands, covering every possible total exactly once.
 */
class MeasureMeaningTest {

    private record Meaning(String purpose, Direction direction, boolean validated, boolean banded) {
    }

    /** Every shipped measure, so a new one cannot ship without saying what its scores mean. */
    private static final Map<String, Meaning> EXPECTED = Map.of(
            "rapport-session-alliance-check", new Meaning("alliance", Direction.HIGHER_IS_BETTER, false, false),
            "rapport-reflective-check-in", new Meaning("practitioner-check-in", Direction.HIGHER_IS_BETTER, false, false),
            "core-10", new Meaning("outcome", Direction.HIGHER_IS_WORSE, true, true),
            "phq-9", new Meaning("outcome", Direction.HIGHER_IS_WORSE, true, true),
            "gad-7", new Meaning("outcome", Direction.HIGHER_IS_WORSE, true, true),
            "srs", new Meaning("alliance", Direction.HIGHER_IS_BETTER, true, false),
            "ors", new Meaning("outcome", Direction.HIGHER_IS_BETTER, true, false),
            "wai-sr", new Meaning("alliance", Direction.HIGHER_IS_BETTER, true, false));

    @Test
    void everyShippedMeasureCarriesItsPurposeDirectionAndValidation() {
        assertEquals(EXPECTED.keySet(), StandardMeasures.ALL.stream().map(MeasureDefinition::id).collect(Collectors.toSet()));
        for (MeasureDefinition m : StandardMeasures.ALL) {
            Meaning expected = EXPECTED.get(m.id());
            assertEquals(expected.purpose(), m.purpose().wire(), m.id());
            assertEquals(expected.direction(), m.direction(), m.id());
            assertEquals(expected.validated(), m.validated(), m.id());
            assertEquals(expected.banded(), !m.severityBands().isEmpty(), m.id());
            ScoreMeaning meaning = ScoreMeaning.of(m, (double) m.minTotal());
            assertEquals(expected.direction().wire(), meaning.direction(), m.id());
            assertEquals(expected.validated(), meaning.validated(), m.id());
        }
    }

    @Test
    void bandsCoverEveryPossibleTotalExactlyOnce() {
        for (MeasureDefinition m : StandardMeasures.ALL) {
            if (m.severityBands().isEmpty()) {
                continue;
            }
            for (int total = m.minTotal(); total <= m.maxTotal(); total++) {
                int score = total;
                long containing = m.severityBands().stream().filter(b -> b.from() <= score && score <= b.to()).count();
                assertEquals(1, containing, m.id() + " total " + total);
                assertTrue(m.band(total).isPresent(), m.id() + " total " + total);
            }
            assertEquals(m.minTotal(), m.severityBands().get(0).from(), m.id());
            assertEquals(m.maxTotal(), m.severityBands().get(m.severityBands().size() - 1).to(), m.id());
        }
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "phq-9, 0, minimal", "phq-9, 4, minimal", "phq-9, 5, mild", "phq-9, 9, mild", "phq-9, 10, moderate",
            "phq-9, 14, moderate", "phq-9, 15, moderately-severe", "phq-9, 19, moderately-severe", "phq-9, 20, severe",
            "phq-9, 27, severe",
            "gad-7, 0, minimal", "gad-7, 4, minimal", "gad-7, 5, mild", "gad-7, 9, mild", "gad-7, 10, moderate",
            "gad-7, 14, moderate", "gad-7, 15, severe", "gad-7, 21, severe",
            "core-10, 0, healthy", "core-10, 5, healthy", "core-10, 6, low", "core-10, 10, low", "core-10, 11, mild",
            "core-10, 14, mild", "core-10, 15, moderate", "core-10, 19, moderate", "core-10, 20, moderately-severe",
            "core-10, 24, moderately-severe", "core-10, 25, severe", "core-10, 40, severe",
            // A prorated total between two whole numbers belongs to the band of the one below.
            "core-10, 14.4, mild", "core-10, 24.9, moderately-severe"})
    void boundaryScoresFallInThePublishedBand(String measureId, double total, String band) {
        MeasureDefinition m = StandardMeasures.byId(measureId).orElseThrow();
        assertEquals(band, m.band(total).orElseThrow().code());
        assertEquals(band, ScoreMeaning.of(m, total).band().code());
    }

    @Test
    void theClinicalCutOffOfEachBandedMeasureStartsABandOnTheConcernSide() {
        for (MeasureDefinition m : StandardMeasures.ALL) {
            if (m.severityBands().isEmpty() || m.cutOff() == null) {
                continue;
            }
            assertTrue(m.inConcernRange(m.cutOff()), m.id() + " the cut-off itself is a concern when higher is worse");
            assertFalse(m.inConcernRange(m.cutOff() - 1), m.id());
        }
    }

    @Test
    void theConcernSideFollowsTheDirection() {
        // Higher is better: below the cut-off is the concern. Higher is worse: at or above it.
        assertTrue(StandardMeasures.SESSION_ALLIANCE.inConcernRange(29));
        assertFalse(StandardMeasures.SESSION_ALLIANCE.inConcernRange(30));
        assertTrue(StandardMeasures.PHQ9.inConcernRange(10));
        assertFalse(StandardMeasures.PHQ9.inConcernRange(9));
        assertTrue(StandardMeasures.ORS_V.inConcernRange(24));
        assertFalse(StandardMeasures.ORS_V.inConcernRange(25));
    }

    @Test
    void bandsWithAGapAnOverlapOrAShortEndAreRefused() {
        List<List<SeverityBand>> broken = new ArrayList<>();
        broken.add(List.of(SeverityBand.of(0, 4, "low", "Low"), SeverityBand.of(6, 9, "high", "High")));
        broken.add(List.of(SeverityBand.of(0, 5, "low", "Low"), SeverityBand.of(5, 9, "high", "High")));
        broken.add(List.of(SeverityBand.of(0, 4, "low", "Low"), SeverityBand.of(5, 8, "high", "High")));
        broken.add(List.of(SeverityBand.of(1, 9, "all", "All")));
        for (List<SeverityBand> bands : broken) {
            assertThrows(IllegalArgumentException.class, () -> new MeasureDefinition("x-1", "1", null,
                    Purpose.OUTCOME_SYMPTOMS, Rater.CLIENT, Scale.of(0, 3), List.of(Item.structural("1", null),
                    Item.structural("2", null), Item.structural("3", null)), 0, null, null, true, "l", "a", bands),
                    bands.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> SeverityBand.of(5, 4, "x-y", "X"));
    }

    @Test
    void importedWordingKeepsTheShippedMeaning() {
        Map<String, LocalizedText> texts = new java.util.HashMap<>();
        StandardMeasures.GAD7.items().forEach(i -> texts.put(i.linkId(), LocalizedText.of("en", "Text " + i.linkId())));
        MeasureDefinition worded = StandardMeasures.GAD7.withWording(LocalizedText.of("en", "GAD-7"), texts, "org-1", "x");
        assertEquals(StandardMeasures.GAD7.severityBands(), worded.severityBands());
        assertEquals(Direction.HIGHER_IS_WORSE, worded.direction());
    }
}
