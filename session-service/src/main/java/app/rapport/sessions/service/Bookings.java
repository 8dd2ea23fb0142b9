package app.rapport.sessions.service;

import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionProfessional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps professionals from being double-booked. The check here names the clash for the common case;
 * the exclusion constraint on {@code session_professional} decides when requests race, and its
 * violation becomes the same 409.
 */
@ApplicationScoped
public class Bookings {

    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    @Inject
    EntityManager entityManager;

    /** Writes pending changes now (e.g. a moved session releasing its time). */
    public void flush() {
        entityManager.flush();
    }

    public void refuseClashes(Collection<String> professionals, Instant start, Instant end, String occurrence) {
        List<SessionProfessional> clashes = SessionProfessional.list(
                "holdsTime = true and userId in ?1 and startsAt < ?2 and endsAt > ?3 order by startsAt",
                List.copyOf(professionals), end, start);
        if (!clashes.isEmpty()) {
            SessionProfessional clash = clashes.get(0);
            throw clash(clash.userId, clash.session.id, clash.startsAt, clash.endsAt, occurrence);
        }
    }

    /** Saves a new session with its bookings now, so a lost race is reported as a clash rather than a server error. */
    public void save(Session session, String occurrence) {
        try {
            session.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            if (isDoubleBooking(e)) {
                throw new ProblemException(Problem.of(409, "double-booking", "Double booking",
                        "A professional in this session " + occurrence + "was booked for an overlapping session at the same moment: "
                                + databaseDetail(e)));
            }
            throw e;
        }
    }

    static ProblemException clash(String professional, UUID session, Instant start, Instant end, String occurrence) {
        return new ProblemException(Problem.of(409, "double-booking", "Double booking",
                "Professional " + professional + " is already booked from " + start + " to " + end + " (session " + session
                        + ")" + (occurrence.isEmpty() ? "" : " " + occurrence.strip()) + "; choose another time"));
    }

    private static boolean isDoubleBooking(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String databaseDetail(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getDetail() != null) {
                return psql.getServerErrorMessage().getDetail();
            }
        }
        return "choose another time";
    }
}
