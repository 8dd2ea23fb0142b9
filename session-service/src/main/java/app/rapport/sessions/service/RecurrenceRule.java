package app.rapport.sessions.service;

import app.rapport.platform.input.DateBounds;
import app.rapport.platform.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 5545 RRULE checked part by part before the recurrence library expands it: the library reads
 * {@code INTERVAL=0} as 1, keeps the last of a repeated part, and its errors name its own classes. Every
 * refusal is a 400 on {@code rrule} naming the part and what it must be.
 */
public record RecurrenceRule(String canonical, Map<String, String> parts) {

    /** Far beyond any series Rapport books (weekly for years), low enough that no date arithmetic overflows. */
    static final int LONGEST_INTERVAL = 1000;

    private static final Set<String> FREQUENCIES = Set.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final Set<String> WEEKDAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,9}");
    private static final Pattern BYDAY_VALUE = Pattern.compile("([+-]?)([0-9]{1,2})?([A-Z]{2})");
    private static final Pattern UNTIL_DATE = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
    private static final Pattern UNTIL_DATE_TIME = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})(Z?)");

    /** The list parts and the range of each of their numbers ({@code signed}: a negative counts from the end). */
    private record NumberList(int low, int high, boolean signed) {
    }

    private static final Map<String, NumberList> NUMBER_LISTS = Map.of(
            "BYSECOND", new NumberList(0, 60, false),
            "BYMINUTE", new NumberList(0, 59, false),
            "BYHOUR", new NumberList(0, 23, false),
            "BYMONTHDAY", new NumberList(1, 31, true),
            "BYYEARDAY", new NumberList(1, 366, true),
            "BYWEEKNO", new NumberList(1, 53, true),
            "BYMONTH", new NumberList(1, 12, false),
            "BYSETPOS", new NumberList(1, 366, true));

    private static final Set<String> KNOWN = Set.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
            "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");

    /** Reads and checks a rule (an {@code RRULE:} prefix is allowed); the canonical form is upper case. */
    public static RecurrenceRule parse(String text) {
        String rule = text.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        rule = rule.toUpperCase(Locale.ROOT);
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";", -1)) {
            int equals = part.indexOf('=');
            if (part.isBlank()) {
                throw refused("has an empty part (two ';' in a row, or one at an end)");
            }
            if (equals <= 0) {
                throw refused("part '" + shown(part) + "' is not NAME=VALUE");
            }
            String name = part.substring(0, equals);
            String value = part.substring(equals + 1);
            if (!KNOWN.contains(name)) {
                throw refused(shown(name) + " is not a part of a recurrence rule (RFC 5545: FREQ, UNTIL, COUNT, INTERVAL, "
                        + "BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST)");
            }
            if (parts.containsKey(name)) {
                throw refused(name + " is given more than once");
            }
            if (value.isEmpty()) {
                throw refused(name + " has no value");
            }
            parts.put(name, value);
        }
        checkParts(parts);
        return new RecurrenceRule(rule, Map.copyOf(parts));
    }

    private static void checkParts(Map<String, String> parts) {
        String frequency = parts.get("FREQ");
        if (frequency == null) {
            throw refused("FREQ is required (e.g. FREQ=WEEKLY)");
        }
        if (!FREQUENCIES.contains(frequency)) {
            throw refused("FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY, HOURLY, MINUTELY, SECONDLY (got "
                    + shown(frequency) + ")");
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw refused("COUNT and UNTIL cannot both be given");
        }
        if (parts.containsKey("COUNT")) {
            number("COUNT", parts.get("COUNT"), 1, Integer.MAX_VALUE);
        }
        if (parts.containsKey("INTERVAL")) {
            number("INTERVAL", parts.get("INTERVAL"), 1, LONGEST_INTERVAL);
        }
        if (parts.containsKey("UNTIL")) {
            untilValue(parts.get("UNTIL"));
        }
        NUMBER_LISTS.forEach((name, range) -> {
            if (parts.containsKey(name)) {
                numberList(name, parts.get(name), range);
            }
        });
        if (parts.containsKey("BYDAY")) {
            byDay(parts.get("BYDAY"), frequency, parts.containsKey("BYWEEKNO"));
        }
        if (parts.containsKey("WKST") && !WEEKDAYS.contains(parts.get("WKST"))) {
            throw refused("WKST must be one of MO, TU, WE, TH, FR, SA, SU (got " + shown(parts.get("WKST")) + ")");
        }
        // Combinations RFC 5545 rules out.
        if (parts.containsKey("BYWEEKNO") && !frequency.equals("YEARLY")) {
            throw refused("BYWEEKNO is only allowed with FREQ=YEARLY");
        }
        if (parts.containsKey("BYYEARDAY") && Set.of("DAILY", "WEEKLY", "MONTHLY").contains(frequency)) {
            throw refused("BYYEARDAY is not allowed with FREQ=" + frequency);
        }
        if (parts.containsKey("BYMONTHDAY") && frequency.equals("WEEKLY")) {
            throw refused("BYMONTHDAY is not allowed with FREQ=WEEKLY");
        }
        if (parts.containsKey("BYSETPOS") && parts.keySet().stream()
                .noneMatch(name -> name.startsWith("BY") && !name.equals("BYSETPOS"))) {
            throw refused("BYSETPOS needs another BY part to select from");
        }
    }

    private static int number(String name, String value, int low, int high) {
        if (!value.matches("[0-9]{1,10}")) {
            throw refused(name + " must be a whole number from " + low + " to " + high + " (got " + shown(value) + ")");
        }
        long number = Long.parseLong(value);
        if (number < low || number > high) {
            throw refused(name + " must be a whole number from " + low + " to " + high + " (got " + shown(value) + ")");
        }
        return (int) number;
    }

    private static void numberList(String name, String values, NumberList range) {
        String wanted = name + " must be a comma-separated list of whole numbers from "
                + (range.signed() ? "-" + range.high() + " to -" + range.low() + " or " : "") + range.low() + " to " + range.high();
        for (String value : values.split(",", -1)) {
            if (!WHOLE_NUMBER.matcher(value).matches()) {
                throw refused(wanted + " (got " + shown(value) + ")");
            }
            int number = Integer.parseInt(value);
            int magnitude = Math.abs(number);
            boolean ok = range.signed() ? magnitude >= range.low() && magnitude <= range.high()
                    : !value.startsWith("-") && !value.startsWith("+") && number >= range.low() && number <= range.high();
            if (!ok) {
                throw refused(wanted + " (got " + shown(value) + ")");
            }
        }
    }

    private static void byDay(String values, String frequency, boolean withWeekNumbers) {
        for (String value : values.split(",", -1)) {
            Matcher day = BYDAY_VALUE.matcher(value);
            if (!day.matches() || !WEEKDAYS.contains(day.group(3))) {
                throw refused("BYDAY must list weekdays MO, TU, WE, TH, FR, SA, SU, each optionally with a position "
                        + "such as 1MO or -1FR (got " + shown(value) + ")");
            }
            boolean positioned = day.group(2) != null;
            if (!positioned && !day.group(1).isEmpty()) {
                throw refused("BYDAY has a sign without a position (got " + shown(value) + ")");
            }
            if (positioned) {
                int position = Integer.parseInt(day.group(2));
                if (position < 1 || position > 53) {
                    throw refused("BYDAY positions must be from 1 to 53, or -53 to -1 (got " + shown(value) + ")");
                }
                if (!frequency.equals("MONTHLY") && !frequency.equals("YEARLY") || withWeekNumbers) {
                    throw refused("BYDAY positions such as " + shown(value)
                            + " are only allowed with FREQ=MONTHLY or FREQ=YEARLY without BYWEEKNO");
                }
            }
        }
    }

    /**
     * The rule as the recurrence library reads it for a series in {@code zone}: UNTIL as a UTC date-time,
     * because RFC 5545 wants it of the same kind as the start (a date-time), and a date means "until the
     * end of that day" in the series' zone.
     */
    String canonicalIn(ZoneId zone) {
        Instant until = until(zone);
        if (until == null) {
            return canonical;
        }
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(parts.get("UNTIL").length() == 8 ? until.minusSeconds(1) : until);
        return canonical.replaceFirst("UNTIL=[^;]*", "UNTIL=" + utc);
    }

    /** UNTIL as an instant: a date means the end of that day in the series' zone, a floating time is in that zone. */
    Instant until(ZoneId zone) {
        String value = parts.get("UNTIL");
        if (value == null) {
            return null;
        }
        Object until = untilValue(value);
        if (until instanceof LocalDate day) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (value.endsWith("Z")) {
            return ((LocalDateTime) until).toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) until).atZone(zone).toInstant();
    }

    private static Object untilValue(String value) {
        try {
            Matcher date = UNTIL_DATE.matcher(value);
            Object until;
            if (date.matches()) {
                until = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            } else {
                Matcher dateTime = UNTIL_DATE_TIME.matcher(value);
                if (!dateTime.matches()) {
                    throw refused("UNTIL must be a date (20261231) or a date and time (20261231T170000Z) (got " + shown(value) + ")");
                }
                until = LocalDateTime.of(Integer.parseInt(dateTime.group(1)), Integer.parseInt(dateTime.group(2)),
                        Integer.parseInt(dateTime.group(3)), Integer.parseInt(dateTime.group(4)),
                        Integer.parseInt(dateTime.group(5)), Integer.parseInt(dateTime.group(6)));
            }
            if (!DateBounds.inRange((java.time.temporal.Temporal) until)) {
                throw refused("UNTIL " + DateBounds.MESSAGE);
            }
            return until;
        } catch (DateTimeException e) {
            throw refused("UNTIL is not a calendar date and time (got " + shown(value) + ")");
        }
    }

    static ProblemException refused(String message) {
        return ProblemException.invalidField("rrule", message);
    }

    private static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
