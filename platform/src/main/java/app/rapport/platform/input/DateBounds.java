package app.rapport.platform.input;

import app.rapport.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;

/**
 * Every date and time Rapport accepts lies in the years 1900 to 2200. Java and PostgreSQL can hold
 * far wider ranges, but arithmetic near their edges throws (an instant in the year -999999999 minus a
 * year), so values outside a range no case can need are refused where they enter, naming the field.
 */
public final class DateBounds {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final String MESSAGE = "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private DateBounds() {
    }

    /** The year of a date or time value, or null when the value has none (a time of day, a duration). */
    static Integer yearOf(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof LocalDate date) {
            return date.getYear();
        } else if (value instanceof LocalDateTime dateTime) {
            return dateTime.getYear();
        } else if (value instanceof OffsetDateTime dateTime) {
            return dateTime.getYear();
        } else if (value instanceof ZonedDateTime dateTime) {
            return dateTime.getYear();
        }
        return null;
    }

    public static boolean inRange(Temporal value) {
        Integer year = yearOf(value);
        return year == null || (year >= FIRST_YEAR && year <= LAST_YEAR);
    }

    /** An ISO 8601 instant from a query parameter (null or blank gives the fallback), bounded as above. */
    public static Instant instantParameter(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO 8601 instant such as 2026-11-24T09:00:00Z");
        }
        if (!inRange(instant)) {
            throw ProblemException.invalidField(name, MESSAGE);
        }
        return instant;
    }
}
