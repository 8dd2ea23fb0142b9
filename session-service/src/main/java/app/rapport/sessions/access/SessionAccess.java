package app.rapport.sessions.access;

import app.rapport.platform.audit.AuditLog;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one gate to a client's sessions, decided from the care-circle read model: care-circle members by
 * role, team leads for their teams' clients. No relationship gives the same 404 as a client or session
 * that does not exist; a relationship that does not include the action gives 403.
 */
@ApplicationScoped
public class SessionAccess {

    private static final Logger LOG = Logger.getLogger(SessionAccess.class);

    @Inject
    Caller caller;

    @Inject
    ConsentLedger consent;

    @Inject
    AuditLog audit;

    /** Checks and audits access to a client's sessions as a whole; call inside the use case's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Access require(UUID clientId, Permission permission) {
        return require(clientId, permission, "Client " + clientId);
    }

    /**
     * As {@link #require(UUID, Permission)} for something of the client's that the caller named by its own id
     * (a series, a contract): refused as that thing, so the answer does not tell whose it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Access require(UUID clientId, Permission permission, String requested) {
        Access access = relationshipTo(clientId).orElseThrow(() -> {
            LOG.infof("Refused %s on client %s to %s: no relationship", permission, clientId, caller.userId());
            return ProblemException.notFound(requested);
        });
        check(access, permission);
        audit.record(clientId, permission.action(), permission.resource(), access.basis());
        return access;
    }

    /** As {@link #require} for one session; a support worker who is not in it gets 404, as for a session that does not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Access require(Session session, Permission permission) {
        Optional<Access> found = relationshipTo(session.clientId);
        if (found.isEmpty() || (found.get().limitedToOwnSessions() && !session.involves(caller.userId()))) {
            LOG.infof("Refused %s on session %s to %s: no relationship", permission, session.id, caller.userId());
            throw ProblemException.notFound("Session " + session.id);
        }
        Access access = found.get();
        check(access, permission);
        audit.record(session.clientId, permission.action(), permission.resource() + ":" + session.id, access.basis());
        return access;
    }

    /**
     * The clients among {@code clientIds} whose sessions the caller may read, by the same rules as
     * {@link #require(UUID, Permission)} with {@link Permission#SCHEDULE_READ}, decided with one read of each part
     * of the read model for all of them. The others are left out without a word, as if they did not exist. Each
     * client granted is audited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Access> readableAmong(Set<UUID> clientIds) {
        Permission permission = Permission.SCHEDULE_READ;
        Map<UUID, Access> related = relationshipsTo(clientIds);
        Map<UUID, CareMember> members = new HashMap<>();
        Map<UUID, Access> granted = new HashMap<>();
        related.forEach((clientId, access) -> {
            if (!permission.allows(access.relationship())) {
                return;
            }
            if (access.membership().isPresent()) {
                members.put(clientId, access.membership().get());
            } else {
                granted.put(clientId, access); // a team lead: consent never narrows them
            }
        });
        consent.allowing(members, permission.consentCategory()).forEach(clientId -> granted.put(clientId, related.get(clientId)));
        granted.values().forEach(a -> audit.record(a.clientId(), permission.action(), permission.resource(), a.basis()));
        return granted;
    }

    /** How the caller stands to the client, if at all. Does not audit. */
    public Optional<Access> relationshipTo(UUID clientId) {
        return Optional.ofNullable(relationshipsTo(Set.of(clientId)).get(clientId));
    }

    /**
     * How the caller stands to each of the clients they have a relationship with, with one read of memberships and one
     * of clients: a member of the circle by their role (and never also as the team's lead), else a team lead for their
     * teams' clients in their own organisation.
     */
    private Map<UUID, Access> relationshipsTo(Set<UUID> clientIds) {
        Map<UUID, Access> related = new HashMap<>();
        CareMember.activeMemberships(clientIds, caller.userId()).forEach(m -> related.putIfAbsent(m.clientId,
                new Access(m.clientId, Relationship.of(m.role), "care-circle:" + m.role.wire(), Optional.of(m))));
        Set<UUID> others = new HashSet<>(clientIds);
        others.removeAll(related.keySet());
        Optional<String> organisation = caller.organisationId();
        if (!others.isEmpty() && caller.hasRole(Roles.TEAM_LEAD) && organisation.isPresent() && !caller.teamIds().isEmpty()) {
            CareClient.<CareClient>list("clientId in ?1 and organisationId = ?2 and teamId in ?3", others, organisation.get(),
                    caller.teamIds()).forEach(c -> related.put(c.clientId,
                    new Access(c.clientId, Relationship.TEAM_LEAD, "team-lead:" + c.teamId, Optional.empty())));
        }
        return related;
    }

    /** Whether the caller may see this session at all (used to filter lists; does not audit). */
    public boolean maySee(Access access, Session session) {
        return !access.limitedToOwnSessions() || session.involves(caller.userId());
    }

    private void check(Access access, Permission permission) {
        if (!permission.allows(access.relationship())) {
            throw forbidden(permission, "your relationship to this client (" + access.basis() + ") does not include it");
        }
        if (permission.consentCategory() != null && access.relationship().careTeamRole() != null
                && !consent.allows(access.clientId(), permission.consentCategory(), access.relationship().careTeamRole(),
                access.membership().map(m -> m.memberId).orElse(null))) {
            throw forbidden(permission, "the client has not consented to share their "
                    + permission.consentCategory().wire() + " data with you");
        }
    }

    private static ProblemException forbidden(Permission permission, String why) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                "You may not " + permission.action() + " this client's " + permission.resource() + ": " + why));
    }
}
