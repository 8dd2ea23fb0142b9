package app.rapport.sessions.service;

import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionProfessional;
import app.rapport.sessions.rest.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Free/busy for planning and a team lead's view of their team's week. */
@ApplicationScoped
public class Availability {

    /** A busy interval: no client, no session, nothing but time. */
    public record Busy(Instant start, Instant end) {
    }

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    /**
     * When a professional is booked. Open to the professional themself and to anyone who shares a
     * client's care circle with them (the people who would book a session with them); others get 404.
     */
    @Transactional
    public List<Busy> busy(String professionalId, Instant from, Instant to) {
        if (!professionalId.equals(caller.userId()) && !sharesACareCircle(professionalId)) {
            throw ProblemException.notFound("Professional " + professionalId);
        }
        return SessionProfessional.<SessionProfessional>list(
                        "userId = ?1 and holdsTime = true and startsAt < ?2 and endsAt > ?3 order by startsAt", professionalId, to, from)
                .stream().map(b -> new Busy(b.startsAt, b.endsAt)).toList();
    }

    private boolean sharesACareCircle(String professionalId) {
        Number shared = (Number) Session.getEntityManager().createNativeQuery("""
                        select count(*) from care_member mine join care_member theirs on theirs.client_id = mine.client_id
                        where mine.user_id = ?1 and mine.left_on is null and mine.role <> 'FAMILY'
                          and theirs.user_id = ?2 and theirs.left_on is null""")
                .setParameter(1, caller.userId()).setParameter(2, professionalId).getSingleResult();
        return shared.longValue() > 0;
    }

    /** Every session of the team's clients in the range, for the team's lead. */
    @Transactional
    public List<SessionView> teamWeek(String teamId, Instant from, Instant to) {
        if (!caller.hasRole(Roles.TEAM_LEAD) || !caller.teamIds().contains(teamId)) {
            throw ProblemException.notFound("Team " + teamId);
        }
        List<UUID> clients = CareClient.<CareClient>list("teamId = ?1 and organisationId = ?2", teamId,
                caller.organisationId().orElse("")).stream().map(c -> c.clientId).toList();
        if (clients.isEmpty()) {
            return List.of();
        }
        List<Session> sessions = Session.list("clientId in ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id",
                clients, from, to);
        return sessions.stream().map(s -> SessionView.of(s, access.require(s, Permission.SCHEDULE_READ))).toList();
    }
}
