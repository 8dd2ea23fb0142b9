package app.rapport.sessions.service;

import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.sessions.access.Access;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.Relationship;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Confidential session notes. Written by the client's case manager or a therapist in the session; read
 * by their author and the client's case manager only. Never published, never exported to solicitors;
 * every read is audited (by {@link SessionAccess#require}).
 */
@ApplicationScoped
public class SessionNotes {

    public record NewNote(@NotBlank @Size(max = 20000) String text) {
    }

    public record NoteView(UUID id, UUID sessionId, String authorId, Instant createdAt, String text) {
        static NoteView of(SessionNote note) {
            return new NoteView(note.id, note.sessionId, note.authorId, note.createdAt, note.body);
        }
    }

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Transactional
    public NoteView write(UUID sessionId, NewNote request) {
        Session session = session(sessionId);
        Access granted = access.require(session, Permission.NOTES_WRITE);
        if (granted.relationship() == Relationship.THERAPIST && !session.involves(caller.userId())) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Only a therapist who took part in the session (or the case manager) may write its notes"));
        }
        SessionNote note = new SessionNote();
        note.id = UUID.randomUUID();
        note.sessionId = session.id;
        note.clientId = session.clientId;
        note.authorId = caller.userId();
        note.body = request.text().strip();
        note.createdAt = Instant.now();
        note.persist();
        return NoteView.of(note);
    }

    @Transactional
    public List<NoteView> read(UUID sessionId) {
        Session session = session(sessionId);
        Access granted = access.require(session, Permission.NOTES_READ);
        List<SessionNote> notes = SessionNote.list("sessionId = ?1 order by createdAt, id", sessionId);
        boolean caseManager = granted.relationship() == Relationship.CASE_MANAGER;
        return notes.stream().filter(n -> caseManager || n.authorId.equals(caller.userId())).map(NoteView::of).toList();
    }

    private static Session session(UUID sessionId) {
        return Session.<Session>findByIdOptional(sessionId).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }
}
