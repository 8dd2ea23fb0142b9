package app.rapport.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Days are London days, whatever the server's zone: the instants either side of midnight show which day counts. */
class CareDaysTest {

    @Test
    void anInstantBeforeUtcMidnightInSummerFallsOnTheNextLondonDay() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST, UTC+1).
        assertEquals(LocalDate.of(2026, 7, 1), CareDays.dayOf(Instant.parse("2026-06-30T23:30:00Z")));
    }

    @Test
    void inWinterTheLondonDayIsTheUtcDay() {
        assertEquals(LocalDate.of(2026, 1, 15), CareDays.dayOf(Instant.parse("2026-01-15T23:30:00Z")));
        assertEquals(LocalDate.of(2026, 1, 16), CareDays.dayOf(Instant.parse("2026-01-16T00:00:00Z")));
    }

    @Test
    void theDaylightSavingChangeDoesNotMoveTheDay() {
        // Clocks go forward at 01:00 UTC on 29 March 2026: 00:59 and 01:01 UTC are the same London day.
        assertEquals(LocalDate.of(2026, 3, 29), CareDays.dayOf(Instant.parse("2026-03-29T00:59:00Z")));
        assertEquals(LocalDate.of(2026, 3, 29), CareDays.dayOf(Instant.parse("2026-03-29T01:01:00Z")));
        assertEquals(LocalDate.of(2026, 3, 29), CareDays.dayOf(Instant.parse("2026-03-28T23:00:00Z").plusSeconds(3600)));
    }
}
