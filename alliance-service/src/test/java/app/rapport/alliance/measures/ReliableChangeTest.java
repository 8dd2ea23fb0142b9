package app.rapport.alliance.measures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jacobson–Truax by hand: S_diff = SD·√2·√(1 − r); RC = (x2 − x1)/S_diff; reliable when |RC| > 1.96. */
class ReliableChangeTest {

    @Test
    void derivesTheStandardErrorOfTheDifference() {
        // SD 5, r .80: 5 × √2 × √0.2 = 5 × √0.4 = 3.16228; threshold 1.96 × 3.16228 = 6.198 points
        ReliableChange rc = ReliableChange.derived(5, 0.80);
        assertEquals(3.16228, rc.standardErrorOfDifference(), 1e-5);
        assertEquals(6.19806, rc.thresholdPoints(), 1e-5);
        // 30 → 23: −7 / 3.16228 = −2.2136
        assertEquals(-2.21359, rc.index(30, 23), 1e-5);
        // SD 10, r .5: 10 × √2 × √0.5 = 10
        assertEquals(10.0, ReliableChange.derived(10, 0.5).standardErrorOfDifference(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, sd, r, points, before, after, higherIsBetter, reliable
            "'derived: 30→24 is RC −1.897, not beyond 1.96', 5, 0.80, , 30, 24, true, false",
            "'derived: 30→23 is RC −2.214, reliable', 5, 0.80, , 30, 23, true, true",
            "'derived: S_diff 10; a drop of 19.5 is RC −1.95', 10, 0.5, , 40, 20.5, true, false",
            "'derived: S_diff 10; a drop of 19.7 is RC −1.97', 10, 0.5, , 40, 20.3, true, true",
            "'derived: a rise is never a worsening on an alliance measure', 5, 0.80, , 10, 40, true, false",
            "'points: ORS 30→25 is exactly 5, reliable (at least 5)', , , 5, 30, 25, true, true",
            "'points: ORS 30→26 is 4, not reliable', , , 5, 30, 26, true, false",
            "'points: PHQ-9 rising 6 points is a reliable worsening', , , 6, 5, 11, false, true",
            "'points: PHQ-9 falling 6 points is an improvement, not a worsening', , , 6, 11, 5, false, false",
            "'no change is never reliable', , , 5, 20, 20, true, false",
    })
    void decidesWhetherAWorseningIsReliable(String why, Double sd, Double r, Double points, double before, double after,
                                            boolean higherIsBetter, boolean reliable) {
        ReliableChange rc = new ReliableChange(points, sd, r);
        assertEquals(reliable, rc.isReliableWorsening(before, after, higherIsBetter), why);
    }

    @Test
    void refusesIncompleteOrImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new ReliableChange(null, 5.0, null));
        assertThrows(IllegalArgumentException.class, () -> ReliableChange.derived(5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ReliableChange.derived(-1, 0.8));
        assertThrows(IllegalArgumentException.class, () -> ReliableChange.points(0));
    }
}
