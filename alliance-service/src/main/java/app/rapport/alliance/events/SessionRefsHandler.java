package app.rapport.alliance.events;

import app.rapport.alliance.domain.ErasedClient;
import app.rapport.alliance.domain.SessionRef;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.contract.session.SessionScheduled;
import app.rapport.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the sessions read model ({@link SessionRef}) from session.* events. Every event carries the session's client,
 * professionals and start, so a session first met in a later event (one booked before this read model existed) is
 * recorded from that event. Applying an event twice leaves the same row; it runs in the transaction that records
 * the event as processed.
 */
@ApplicationScoped
public class SessionRefsHandler implements EventHandler {

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.SESSION_SCHEDULED, EventType.SESSION_RESCHEDULED, EventType.SESSION_CANCELLED,
                EventType.SESSION_ATTENDED, EventType.SESSION_MISSED);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (ErasedClient.findById(event.clientId()) != null) {
            return;
        }
        switch (EventType.fromTypeName(event.type()).orElseThrow()) {
            case SESSION_SCHEDULED -> {
                SessionScheduled s = event.dataAs(SessionScheduled.class);
                SessionRef session = upsert(s.sessionId(), s.clientId(), s.professionalIds(), s.start(), null);
                session.endsAt = s.end();
            }
            case SESSION_RESCHEDULED -> {
                SessionRescheduled moved = event.dataAs(SessionRescheduled.class);
                upsert(moved.sessionId(), moved.clientId(), moved.professionalIds(), moved.previousStart(),
                        SessionRef.RESCHEDULED);
                SessionRef replacement = upsert(moved.newSessionId(), moved.clientId(), moved.professionalIds(),
                        moved.start(), null);
                replacement.endsAt = moved.end();
            }
            case SESSION_CANCELLED -> {
                SessionCancelled c = event.dataAs(SessionCancelled.class);
                upsert(c.sessionId(), c.clientId(), c.professionalIds(), c.start(), SessionRef.CANCELLED);
            }
            case SESSION_ATTENDED -> {
                SessionAttended a = event.dataAs(SessionAttended.class);
                upsert(a.sessionId(), a.clientId(), a.professionalIds(), a.start(), SessionRef.ATTENDED);
            }
            case SESSION_MISSED -> {
                SessionMissed m = event.dataAs(SessionMissed.class);
                upsert(m.sessionId(), m.clientId(), m.professionalIds(), m.start(), SessionRef.MISSED);
            }
            default -> {
            }
        }
    }

    /**
     * The session with what this event says of it. {@code status} null keeps a known session's status (a booking
     * event never undoes an outcome) and makes a new one scheduled.
     */
    private static SessionRef upsert(UUID sessionId, UUID clientId, List<String> professionalIds, Instant start,
                                     String status) {
        SessionRef known = SessionRef.findById(sessionId);
        SessionRef session = known == null ? new SessionRef() : known;
        session.sessionId = sessionId;
        session.clientId = clientId;
        session.startsAt = start;
        session.professionalIds.clear();
        session.professionalIds.addAll(professionalIds);
        if (status != null) {
            session.status = status;
        } else if (known == null) {
            session.status = SessionRef.SCHEDULED;
        }
        if (known == null) {
            session.persist();
        }
        return session;
    }
}
