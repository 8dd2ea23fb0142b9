package app.rapport.sessions.service;

import app.rapport.contract.EventType;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * scheduled → attended | cancelled | missed | rescheduled. Each transition is final, locks the session,
 * and publishes its event in the same transaction.
 */
@ApplicationScoped
public class Transitions {

    public record Attendance(@NotNull @Min(0) @Max(600) Integer minutesLate) {
    }

    public record Cancellation(@NotNull @Pattern(regexp = "client|professional", message = "must be client or professional") String by,
                               @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a reason code such as unwell or transport")
                               String reason) {
    }

    public record Missed() {
    }

    /**
     * New wall-clock times; the zone defaults to the session's own. {@code requestedBy} says who asked for the move,
     * when known: the alliance reads repeated moves asked for by the client as withdrawal.
     */
    public record Move(@NotNull LocalDateTime start, @NotNull LocalDateTime end, @Size(max = 64) String timeZone,
                       @Pattern(regexp = "client|professional", message = "must be client or professional") String requestedBy) {
    }

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    OutboxWriter outbox;

    @Inject
    PairRhythm rhythm;

    @Inject
    Endings endings;

    @Inject
    SessionTimes times;

    @Inject
    Bookings bookings;

    @Transactional
    public Session attend(UUID sessionId, Attendance attendance) {
        Session session = scheduled(sessionId, Permission.ATTENDANCE_WRITE, "attended");
        refuseBeforeStart(session, "attended");
        session.changeStatus(SessionStatus.ATTENDED);
        session.minutesLate = attendance.minutesLate();
        touch(session);
        publish(EventType.SESSION_ATTENDED, session, new SessionAttended(session.id, session.clientId, session.professionalIds(),
                session.type.wire(), session.startsAt, session.minutesLate, rhythm.asOf(session), caller.userId()));
        endings.afterAttendance(session);
        return session;
    }

    @Transactional
    public Session miss(UUID sessionId) {
        Session session = scheduled(sessionId, Permission.ATTENDANCE_WRITE, "missed");
        refuseBeforeStart(session, "missed");
        session.changeStatus(SessionStatus.MISSED);
        touch(session);
        publish(EventType.SESSION_MISSED, session, new SessionMissed(session.id, session.clientId, session.professionalIds(),
                session.type.wire(), session.startsAt, rhythm.asOf(session), caller.userId()));
        return session;
    }

    @Transactional
    public Session cancel(UUID sessionId, Cancellation cancellation) {
        Session session = scheduled(sessionId, Permission.ATTENDANCE_WRITE, "cancelled");
        session.changeStatus(SessionStatus.CANCELLED);
        session.cancelledBy = cancellation.by();
        session.reasonCode = cancellation.reason();
        session.hoursNotice = hoursNotice(session.startsAt);
        touch(session);
        publish(EventType.SESSION_CANCELLED, session, new SessionCancelled(session.id, session.clientId,
                session.professionalIds(), session.type.wire(), session.startsAt, session.cancelledBy, session.reasonCode,
                session.hoursNotice, caller.userId()));
        return session;
    }

    /**
     * Moves a session: it becomes final (rescheduled) and a new session is booked at the new time. An occurrence of a
     * series moved this way is moved on its own, and later changes of the series' times leave it alone.
     */
    @Transactional
    public Session reschedule(UUID sessionId, Move move) {
        return move(sessionId, move, true);
    }

    /** Moves an occurrence as part of retiming its series: the new occurrence still follows the series. */
    @Transactional
    public Session rescheduleWithSeries(UUID sessionId, Move move) {
        return move(sessionId, move, false);
    }

    private Session move(UUID sessionId, Move move, boolean onItsOwn) {
        Session old = scheduled(sessionId, Permission.SCHEDULE_WRITE, "rescheduled");
        ZoneId zone = times.zone(move.timeZone() == null ? old.timeZone : move.timeZone());
        SessionTimes.Slot slot = times.slot(move.start(), move.end(), zone, "");
        old.changeStatus(SessionStatus.RESCHEDULED);
        old.hoursNotice = hoursNotice(old.startsAt);
        touch(old);
        // The old booking releases its time before the new one claims any.
        bookings.flush();
        bookings.refuseClashes(old.professionalIds(), slot.start().toInstant(), slot.end().toInstant(), "");

        Session moved = new Session();
        moved.id = UUID.randomUUID();
        moved.clientId = old.clientId;
        moved.seriesId = old.seriesId;
        moved.rescheduledFrom = old.id;
        moved.movedOnItsOwn = old.seriesId != null && (onItsOwn || old.movedOnItsOwn);
        moved.type = old.type;
        moved.status = SessionStatus.SCHEDULED;
        moved.startsAt = slot.start().toInstant();
        moved.endsAt = slot.end().toInstant();
        moved.timeZone = zone.getId();
        moved.location = old.location;
        moved.remoteLink = old.remoteLink;
        moved.language = old.language;
        moved.interpreter = old.interpreter;
        moved.createdBy = caller.userId();
        moved.createdAt = Instant.now();
        old.professionalIds().forEach(moved::addProfessional);
        bookings.save(moved, "");
        publish(EventType.SESSION_RESCHEDULED, moved, new SessionRescheduled(old.id, moved.id, old.clientId,
                old.professionalIds(), old.type.wire(), old.startsAt, moved.startsAt, moved.endsAt, old.hoursNotice,
                caller.userId(), move.requestedBy()));
        return moved;
    }

    private Session scheduled(UUID sessionId, Permission permission, String next) {
        Session session = Session.<Session>findByIdOptional(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        access.require(session, permission);
        if (session.status.isFinal()) {
            throw new ProblemException(Problem.of(409, "invalid-transition", "Session is final",
                    "Session " + sessionId + " is " + session.status.wire() + "; it cannot be " + next + " any more"));
        }
        return session;
    }

    private static void refuseBeforeStart(Session session, String next) {
        if (session.startsAt.isAfter(Instant.now())) {
            throw new ProblemException(Problem.of(409, "not-started", "Session has not started",
                    "Session " + session.id + " starts at " + session.startsAt + "; it can be " + next + " from then on"));
        }
    }

    private void touch(Session session) {
        session.updatedBy = caller.userId();
        session.updatedAt = Instant.now();
    }

    static double hoursNotice(Instant start) {
        return Math.round(Duration.between(Instant.now(), start).toSeconds() / 36.0) / 100.0;
    }

    private void publish(EventType type, Session session, Object payload) {
        CareClient client = CareClient.findById(session.clientId);
        outbox.append(type, session.clientId, client == null ? null : client.organisationId,
                client == null ? null : client.teamId, payload);
    }
}
