package app.rapport.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** Scheduling limits and alliance thresholds of session-service. */
@ConfigMapping(prefix = "rapport.sessions")
public interface SessionsConfig {

    /** Zone a session is booked in when the request names none. */
    @WithDefault("Europe/London")
    String defaultTimeZone();

    /** Longest a single session may last. */
    @WithDefault("12h")
    Duration maxDuration();

    Series series();

    Ending ending();

    interface Series {
        /** Most occurrences one series may create. */
        @WithDefault("200")
        int maxOccurrences();

        /** How far ahead a series may reach (its UNTIL, or its last occurrence). */
        @WithDefault("P2Y")
        Period horizon();
    }

    interface Ending {
        /** session.ending-approaching is published when this many contracted sessions or fewer remain. */
        @WithDefault("2")
        int threshold();
    }
}
