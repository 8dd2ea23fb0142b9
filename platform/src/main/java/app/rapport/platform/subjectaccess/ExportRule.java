package app.rapport.platform.subjectaccess;

import app.rapport.contract.CareTeamRole;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may have a client's subject-access export and audit: the client's case manager, a team lead of the client's
 * team, an admin of the client's organisation. The same rule as client-service's export and audit permissions, in
 * the same order (a care-circle member is judged by their membership), so every service answers alike.
 */
@ApplicationScoped
public class ExportRule {

    @Inject
    Caller caller;

    /** The audit basis of the caller's access; 404 without a relationship, 403 with one that does not allow it. */
    public String require(UUID clientId, Optional<ClientFacts> known) {
        ClientFacts facts = known.orElseThrow(() -> ProblemException.notFound("Client " + clientId));
        Optional<CareTeamRole> membership = facts.callerMembership().filter(role -> role != CareTeamRole.FAMILY);
        if (membership.isPresent()) {
            if (membership.get() == CareTeamRole.CASE_MANAGER) {
                return "care-circle:" + CareTeamRole.CASE_MANAGER.wire();
            }
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "You may not read this client's subject-access export or audit: your relationship to this client (care-circle:"
                            + membership.get().wire() + ") does not include it"));
        }
        boolean sameOrganisation = caller.organisationId().filter(facts.organisationId()::equals).isPresent();
        if (sameOrganisation && caller.hasRole(Roles.TEAM_LEAD) && caller.teamIds().contains(facts.teamId())) {
            return "team-lead:" + facts.teamId();
        }
        if (sameOrganisation && caller.hasRole(Roles.ORG_ADMIN)) {
            return "org-admin:" + facts.organisationId();
        }
        throw ProblemException.notFound("Client " + clientId);
    }
}
