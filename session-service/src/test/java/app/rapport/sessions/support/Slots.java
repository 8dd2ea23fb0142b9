package app.rapport.sessions.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Days no other test in this JVM uses, so demo professionals' diaries never clash between tests by accident. */
public final class Slots {

    private static final AtomicInteger FUTURE = new AtomicInteger();
    private static final AtomicInteger PAST = new AtomicInteger();

    private Slots() {
    }

    public static LocalDate futureDay() {
        return LocalDate.of(2036, 1, 1).plusDays(FUTURE.getAndIncrement());
    }

    /** Past days, far enough back for a few weeks of history after each. */
    public static LocalDate pastDay() {
        return LocalDate.of(2021, 1, 4).plusDays(70L * PAST.getAndIncrement());
    }
}
