package app.rapport.sessions.service;

import app.rapport.platform.problem.ProblemException;
import app.rapport.sessions.config.SessionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Turns wall-clock times in a named zone into instants, refusing what cannot be a session. */
@ApplicationScoped
public class SessionTimes {

    @Inject
    SessionsConfig config;

    public record Slot(ZonedDateTime start, ZonedDateTime end, ZoneId zone) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    public ZoneId zone(String timeZone) {
        String name = timeZone == null || timeZone.isBlank() ? config.defaultTimeZone() : timeZone.strip();
        // Only region ids: offsets such as +01:00 do not follow daylight-saving changes.
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ProblemException.invalidField("timeZone", "unknown time zone '" + name + "'; use an IANA name such as Europe/London");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "unknown time zone '" + name + "'");
        }
    }

    public Slot slot(LocalDateTime start, LocalDateTime end, ZoneId zone, String field) {
        ZonedDateTime from = resolve(start, zone, field + "start");
        ZonedDateTime to = resolve(end, zone, field + "end");
        checkDuration(from, to, field);
        return new Slot(from, to, zone);
    }

    public void checkDuration(ZonedDateTime from, ZonedDateTime to, String field) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField(field + "end", to.isEqual(from) ? "must be after start (a session cannot last 0 minutes)"
                    : "must be after start");
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(config.maxDuration()) > 0) {
            throw ProblemException.invalidField(field + "end", "a session may last at most " + describe(config.maxDuration())
                    + " (this one lasts " + describe(length) + ")");
        }
    }

    private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone, String field) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw ProblemException.invalidField(field, local + " does not exist in " + zone
                    + " (the clocks go forward then)");
        }
        // In the hour that happens twice when clocks go back, the earlier one is meant.
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    private static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
