package app.rapport.clients.access;

import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.platform.audit.AuditLog;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * The one gate to a client's record. Works out how the caller stands to the client (care circle,
 * team lead, the firm on the case, organisation admin), checks the access matrix and the client's
 * consent, and writes the audit entry. Someone with no relationship gets the same 404 as for a
 * client that does not exist.
 */
@ApplicationScoped
public class ClientAccess {

    private static final Logger LOG = Logger.getLogger(ClientAccess.class);

    @Inject
    Caller caller;

    @Inject
    ConsentLedger consent;

    @Inject
    AuditLog audit;

    /** Checks and audits; call inside the use case's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Access require(UUID clientId, Permission permission) {
        Client client = Client.<Client>findByIdOptional(clientId).orElseThrow(() -> notFound(clientId));
        if (client.isErased() && permission != Permission.AUDIT_READ) {
            throw notFound(clientId);
        }
        Access access = relationshipTo(client).orElseThrow(() -> {
            LOG.infof("Refused %s on client %s to %s: no relationship", permission, clientId, caller.userId());
            return notFound(clientId);
        });
        if (!permission.allows(access.relationship())) {
            throw forbidden(permission, "your relationship to this client (" + access.basis() + ") does not include it");
        }
        if (permission.consentCategory() != null && access.relationship().careTeamRole() != null
                && !consent.allows(clientId, permission.consentCategory(), access.relationship().careTeamRole(),
                access.membership().map(m -> m.id).orElse(null))) {
            throw forbidden(permission, "the client has not consented to share their "
                    + permission.consentCategory().wire() + " data with you");
        }
        audit.record(clientId, permission.action(), permission.resource(), access.basis());
        return access;
    }

    /** How the caller stands to the client, if at all. Does not audit. */
    public Optional<Access> relationshipTo(Client client) {
        Optional<CareCircleMember> membership = CareCircleMember.activeMembership(client.id, caller.userId());
        if (membership.isPresent() && membership.get().role != app.rapport.contract.CareTeamRole.FAMILY) {
            return Optional.of(new Access(client, Relationship.of(membership.get().role),
                    "care-circle:" + membership.get().role.wire(), membership));
        }
        boolean sameOrganisation = caller.organisationId().filter(client.organisationId::equals).isPresent();
        if (sameOrganisation && caller.hasRole(Roles.TEAM_LEAD) && caller.teamIds().contains(client.teamId)) {
            return Optional.of(new Access(client, Relationship.TEAM_LEAD, "team-lead:" + client.teamId, Optional.empty()));
        }
        if (caller.hasRole(Roles.SOLICITOR) || caller.hasRole(Roles.SOLICITOR_SYSTEM)) {
            Optional<String> firm = ClientCase.of(client.id).map(c -> c.firmId);
            if (firm.isPresent() && caller.organisationId().filter(firm.get()::equals).isPresent()) {
                return Optional.of(new Access(client, Relationship.SOLICITOR, "law-firm:" + firm.get(), Optional.empty()));
            }
        }
        if (sameOrganisation && caller.hasRole(Roles.ORG_ADMIN)) {
            return Optional.of(new Access(client, Relationship.ORG_ADMIN, "org-admin:" + client.organisationId,
                    Optional.empty()));
        }
        return Optional.empty();
    }

    private static ProblemException notFound(UUID clientId) {
        return ProblemException.notFound("Client " + clientId);
    }

    private static ProblemException forbidden(Permission permission, String why) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                "You may not " + permission.action() + " this client's " + permission.resource() + ": " + why));
    }
}
