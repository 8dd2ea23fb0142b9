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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads: one session, a client's timeline, clients' next sessions, a professional's diary. */
@ApplicationScoped
public class SessionQueries {

    /**
     * ?1 the clients, ?2 from when, ?3 the clients of whom only ?4's own sessions count. One probe of the partial index
     * session_client_scheduled per client: the first scheduled session at or after ?2.
     */
    static final String NEXT_SESSIONS = """
            select n.id from unnest(cast(?1 as uuid[])) as c(client_id)
            cross join lateral (
                select s.id, s.starts_at from session s
                where s.client_id = c.client_id and s.status = 'SCHEDULED' and s.starts_at >= ?2
                  and (c.client_id <> all(cast(?3 as uuid[]))
                       or exists (select 1 from session_professional p where p.session_id = s.id and p.user_id = ?4))
                order by s.starts_at, s.id limit 1) n
            order by n.starts_at, n.id""";

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

    /**
     * Each client's next scheduled session from {@code from} on, for the clients the caller may read (support workers:
     * the next one they take part in); clients they may not read, or with nothing booked, are absent. Soonest first.
     */
    @Transactional
    public List<SessionView> next(Set<UUID> clientIds, Instant from) {
        Map<UUID, Access> granted = access.readableAmong(clientIds);
        if (granted.isEmpty()) {
            return List.of();
        }
        UUID[] ownOnly = granted.values().stream().filter(Access::limitedToOwnSessions).map(Access::clientId).toArray(UUID[]::new);
        @SuppressWarnings("unchecked")
        List<UUID> ids = Session.getEntityManager().createNativeQuery(NEXT_SESSIONS)
                .setParameter(1, granted.keySet().toArray(UUID[]::new)).setParameter(2, from)
                .setParameter(3, ownOnly).setParameter(4, caller.userId())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Session> sessions = Session.list("select distinct s from Session s left join fetch s.professionals where s.id in ?1"
                + " order by s.startsAt, s.id", ids);
        return sessions.stream().map(s -> SessionView.of(s, granted.get(s.clientId))).toList();
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
