package app.rapport.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one zone in which Rapport counts calendar days: consent in force, goals set, care-circle membership, discharge,
 * quiet hours. Clients and their teams live and record decisions in the UK, so a day is a London day whatever the
 * server's own zone.
 */
public final class CareDays {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private CareDays() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The London day on which the instant falls. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
