package app.rapport.notifications.email;

import app.rapport.platform.time.CareDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When an email may go: quiet hours and the daily digest, in Europe/London (daylight-saving safe). */
public final class Timing {

    private Timing() {
    }

    /**
     * The end of the quiet hours that {@code now} falls in, or empty when it falls in none. A window may
     * run over midnight (21:00–07:00).
     */
    public static Optional<Instant> quietUntil(Instant now, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(CareDays.ZONE);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(day, end)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(day.plusDays(1), end));
        }
        if (time.isBefore(end)) {
            return Optional.of(at(day, end));
        }
        return Optional.empty();
    }

    /** The next time the daily digest goes out, strictly after {@code now}. */
    public static Instant nextDigest(Instant now, LocalTime digestAt) {
        ZonedDateTime local = now.atZone(CareDays.ZONE);
        Instant today = at(local.toLocalDate(), digestAt);
        return today.isAfter(now) ? today : at(local.toLocalDate().plusDays(1), digestAt);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, CareDays.ZONE).toInstant();
    }
}
