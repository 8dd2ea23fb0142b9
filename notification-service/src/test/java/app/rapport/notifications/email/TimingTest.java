package app.rapport.notifications.email;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimingTest {

    private static final LocalTime NINE_PM = LocalTime.of(21, 0);
    private static final LocalTime SEVEN_AM = LocalTime.of(7, 0);

    @Test
    void quietHoursRunOverMidnightInLondonTime() {
        // 22:30 London in winter (UTC+0): held until 07:00 next day.
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")),
                Timing.quietUntil(Instant.parse("2026-11-22T22:30:00Z"), NINE_PM, SEVEN_AM));
        // 05:00 London: held until 07:00 the same day.
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")),
                Timing.quietUntil(Instant.parse("2026-11-23T05:00:00Z"), NINE_PM, SEVEN_AM));
        // Midday: not quiet.
        assertEquals(Optional.empty(), Timing.quietUntil(Instant.parse("2026-11-23T12:00:00Z"), NINE_PM, SEVEN_AM));
        // In summer London is UTC+1: 20:30 UTC is 21:30 local, quiet until 06:00 UTC.
        assertEquals(Optional.of(Instant.parse("2026-07-02T06:00:00Z")),
                Timing.quietUntil(Instant.parse("2026-07-01T20:30:00Z"), NINE_PM, SEVEN_AM));
        // A daytime window.
        assertEquals(Optional.of(Instant.parse("2026-11-23T14:00:00Z")),
                Timing.quietUntil(Instant.parse("2026-11-23T13:00:00Z"), LocalTime.of(12, 0), LocalTime.of(14, 0)));
        assertEquals(Optional.empty(), Timing.quietUntil(Instant.parse("2026-11-23T13:00:00Z"), null, null));
    }

    @Test
    void theDigestGoesAtTheNextSevenInTheMorningAcrossTheClockChange() {
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), Timing.nextDigest(Instant.parse("2026-11-23T07:00:00Z"), SEVEN_AM));
        assertEquals(Instant.parse("2026-11-23T07:00:00Z"), Timing.nextDigest(Instant.parse("2026-11-23T06:59:00Z"), SEVEN_AM));
        // Clocks go forward on 29 March 2026: 07:00 London is 06:00 UTC from then on.
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), Timing.nextDigest(Instant.parse("2026-03-28T12:00:00Z"), SEVEN_AM));
    }
}
