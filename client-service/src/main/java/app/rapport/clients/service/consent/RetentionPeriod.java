package app.rapport.clients.service.consent;

import app.rapport.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads a retention period: an ISO-8601 date period from P0D (not kept) to P100Y. */
final class RetentionPeriod {

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    private RetentionPeriod() {
    }

    /** @return the period in its canonical form, e.g. {@code P2W} becomes {@code P14D} */
    static String parse(String value) {
        Period period;
        try {
            period = Period.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("retention", "must be an ISO-8601 period such as P8Y, P18M or P0D");
        }
        if (period.isNegative()) {
            throw ProblemException.invalidField("retention", "must not be negative");
        }
        // Measured from a fixed day so that months and days count the same for everyone.
        if (period.toTotalMonths() > 1200 || REFERENCE.plus(period).isAfter(REFERENCE.plusYears(100))) {
            throw ProblemException.invalidField("retention", "must be at most P100Y");
        }
        return period.toString();
    }
}
