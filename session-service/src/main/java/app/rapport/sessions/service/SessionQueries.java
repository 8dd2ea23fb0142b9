package app.rapport.sessions.service;

import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.sessions.access.Access;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.rest.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads: one session, a client's timeline, a professional's diary. */
@ApplicationScoped
public class SessionQueries {

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Transactional
    public SessionView one(UUID sessionId) {
        Session session = Session.<Session>findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        Access granted = access.require(session, Permission.SCHEDULE_READ);
        return SessionView.of(session, granted);
    }

    /** A client's sessions in time order (support workers: only theirs). */
    @Transactional
    public List<SessionView> timeline(UUID clientId, Instant from, Instant to) {
        Access granted = access.require(clientId, Permission.SCHEDULE_READ);
        List<Session> sessions = Session.list("clientId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id",
                clientId, from, to);
        return sessions.stream().filter(s -> access.maySee(granted, s)).map(s -> SessionView.of(s, granted)).toList();
    }

    /** The caller's own sessions in time order, for clients they still have a relationship with. */
    @Transactional
    public List<SessionView> diary(Instant from, Instant to) {
        List<Session> sessions = Session.list("""
                        select s from Session s join s.professionals p
                        where p.userId = ?1 and s.startsAt >= ?2 and s.startsAt < ?3 order by s.startsAt, s.id""",
                caller.userId(), from, to);
        return sessions.stream()
                .filter(s -> access.relationshipTo(s.clientId).isPresent())
                .map(s -> SessionView.of(s, null))
                .toList();
    }
}
