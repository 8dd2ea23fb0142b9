package app.rapport.alliance.access;

import app.rapport.alliance.domain.CareCircleMember;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.ConsentDecisions;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.audit.AuditLog;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one gate to a client's alliance data. Alliance data never goes to solicitors, support workers or family:
 * a case manager in the client's care circle and the lead of the client's team see every pair of the client; a
 * therapist sees only their own pair, unless the client has withdrawn that from them (403, they know the client).
 * Anyone else gets the same 404 as for a client that does not exist.
 */
@ApplicationScoped
public class AllianceAccess {

    private static final Logger LOG = Logger.getLogger(AllianceAccess.class);
    /** Care-circle roles whose relationship with the client is measured. */
    public static final Set<String> PAIR_ROLES = Set.of("case-manager", "therapist");

    @Inject
    Caller caller;

    @Inject
    AuditLog auditLog;

    @Inject
    ConsentDecisions consentDecisions;

    /** How the caller may see a client's alliance data. */
    public record Scope(ClientRef client, String basis, Optional<String> onlyProfessional) {
        public boolean covers(String professionalId) {
            return onlyProfessional.map(professionalId::equals).orElse(true);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Scope require(UUID clientId) {
        return scope(clientId).orElseThrow(() -> {
            LOG.infof("Refused alliance data of client %s to %s: no relationship", clientId, caller.userId());
            return notFound(clientId);
        });
    }

    /** The caller may see this pair, or it is a 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Scope requirePair(UUID clientId, String professionalId) {
        Scope scope = require(clientId);
        if (!scope.covers(professionalId)) {
            throw ProblemException.notFound("Relationship of client " + clientId + " with " + professionalId);
        }
        return scope;
    }

    /**
     * The caller may record for this pair: their own pair, or (case manager, team lead) any pair whose professional
     * is a case manager or therapist in the client's circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Scope requireRecorder(UUID clientId, String professionalId) {
        Scope scope = requirePair(clientId, professionalId);
        boolean inCircle = CareCircleMember.active(clientId, professionalId, CareDays.today())
                .filter(m -> PAIR_ROLES.contains(m.role)).isPresent();
        if (!inCircle) {
            throw new ProblemException(Problem.of(422, "not-a-pair", "No such relationship",
                    "professionalId: " + professionalId + " is not a case manager or therapist in this client's care circle"));
        }
        return scope;
    }

    public String userId() {
        return caller.userId();
    }

    /** Records an allowed read or write in the use case's transaction, so an entry exists exactly when access did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Scope audit(Scope scope, String action, String resource) {
        auditLog.record(scope.client().clientId, action, resource, scope.basis());
        return scope;
    }

    private Optional<Scope> scope(UUID clientId) {
        if (ErasedClient.findById(clientId) != null) {
            return Optional.empty();
        }
        ClientRef client = ClientRef.findById(clientId);
        if (client == null) {
            return Optional.empty();
        }
        Optional<CareCircleMember> membership = CareCircleMember.active(clientId, caller.userId(), CareDays.today());
        boolean withheldByConsent = false;
        if (membership.isPresent()) {
            String role = membership.get().role;
            if (role.equals("case-manager") && caller.hasRole(Roles.CASE_MANAGER)) {
                return Optional.of(new Scope(client, "care-circle:case-manager", Optional.empty()));
            }
            if (role.equals("therapist") && caller.hasRole(Roles.THERAPIST)) {
                if (consents(membership.get())) {
                    return Optional.of(new Scope(client, "care-circle:therapist", Optional.of(caller.userId())));
                }
                withheldByConsent = true;
            }
        }
        boolean sameOrganisation = caller.organisationId().filter(client.organisationId::equals).isPresent();
        if (sameOrganisation && caller.hasRole(Roles.TEAM_LEAD) && caller.teamIds().contains(client.teamId)) {
            return Optional.of(new Scope(client, "team-lead:" + client.teamId, Optional.empty()));
        }
        if (withheldByConsent) {
            // The therapist knows the client (they are in the care circle), so the answer can say why.
            LOG.infof("Refused alliance data of client %s to %s: no consent", clientId, caller.userId());
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "The client has not consented to share their alliance data with you"));
        }
        return Optional.empty();
    }

    /** The client's decisions can narrow what a member sees of their own relationship (never the case manager's). */
    private boolean consents(CareCircleMember member) {
        return ConsentRules.allows(CareTeamRole.fromWire(member.role), member.memberId, DataCategory.ALLIANCE,
                consentDecisions.forClient(member.clientId), CareDays.today());
    }

    private static ProblemException notFound(UUID clientId) {
        return ProblemException.notFound("Client " + clientId);
    }
}
