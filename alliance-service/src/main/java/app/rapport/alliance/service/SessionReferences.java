package app.rapport.alliance.service;

import app.rapport.alliance.domain.SessionRef;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Checks a session id given with a response or a feedback link against the sessions read model: it must be a session
 * of this client, with the professional the response or link is about, that was not cancelled, missed or moved.
 * <p>
 * A session of another client is answered exactly like one that does not exist, so nobody learns another client's
 * session ids. Both are a 422 that suggests a retry: a session booked a moment ago may not have reached
 * alliance-service yet, and a retry succeeds once it has.
 */
@ApplicationScoped
public class SessionReferences {

    static final String FIELD = "sessionId";

    @Transactional(Transactional.TxType.MANDATORY)
    public void require(UUID clientId, String professionalId, UUID sessionId) {
        if (sessionId == null) {
            return;
        }
        SessionRef session = SessionRef.findById(sessionId);
        if (session == null || !session.clientId.equals(clientId)) {
            throw refused("session-not-known", "Session not known",
                    "no session " + sessionId + " of this client is known; a session booked a moment ago may not have "
                            + "reached the alliance service yet, so retry shortly",
                    "is not a session of this client that is known here");
        }
        if (!session.professionalIds.contains(professionalId)) {
            throw refused("session-of-another-professional", "The session is not with this professional",
                    "session " + sessionId + " is not a session with " + professionalId,
                    "is not a session with " + professionalId);
        }
        if (!session.tookOrWillTakePlace()) {
            throw refused("session-did-not-take-place", "The session did not take place",
                    "session " + sessionId + " was " + session.status + ", so it has no feedback",
                    "was " + session.status);
        }
    }

    private static ProblemException refused(String slug, String title, String detail, String fieldMessage) {
        return new ProblemException(new Problem("urn:rapport:problem:" + slug, title, 422, FIELD + ": " + detail,
                List.of(new Problem.FieldError(FIELD, fieldMessage)), null));
    }
}
