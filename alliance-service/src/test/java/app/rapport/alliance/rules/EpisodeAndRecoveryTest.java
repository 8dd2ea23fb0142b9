package app.rapport.alliance.rules;

import app.rapport.alliance.measures.StandardMeasures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpisodeAndRecoveryTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DETECTED, ACKNOWLEDGED, true", "DETECTED, REPAIR_RECORDED, false", "DETECTED, RESOLVED, true",
            "DETECTED, CLOSED_UNRESOLVED, true", "ACKNOWLEDGED, REPAIR_RECORDED, true", "ACKNOWLEDGED, ACKNOWLEDGED, false",
            "REPAIR_RECORDED, REPAIR_RECORDED, true", "REPAIR_RECORDED, RESOLVED, true", "REPAIR_RECORDED, ACKNOWLEDGED, false",
            "RESOLVED, ACKNOWLEDGED, false", "RESOLVED, CLOSED_UNRESOLVED, false", "CLOSED_UNRESOLVED, RESOLVED, false",
    })
    void transitions(EpisodeState from, EpisodeState to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // why, measure, total, baseline (blank = none), recovered
            "'back to 36 with baseline 37: above cut-off, within reliable change', rapport-session-alliance-check, 36, 37, true",
            "'31 with baseline 37.33: above cut-off but still 6.33 > 6.198 below baseline', rapport-session-alliance-check, 31, 37.33, false",
            "'29 is below the cut-off', rapport-session-alliance-check, 29, , false",
            "'30 without a baseline: at the cut-off counts as recovered', rapport-session-alliance-check, 30, , true",
            "'SRS 36 (no reliable change): cut-off alone decides', srs, 36, 39, true",
            "'WAI-SR has neither: never by scores alone', wai-sr, 60, 50, false",
    })
    void recovery(String why, String measureId, double total, Double baseline, boolean recovered) {
        var measure = StandardMeasures.byId(measureId).orElseThrow();
        assertEquals(recovered, Recovery.recovered(measure, total,
                baseline == null ? OptionalDouble.empty() : OptionalDouble.of(baseline)), why);
    }
}
