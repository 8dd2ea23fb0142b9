package app.rapport.clients.service;

import app.rapport.platform.audit.AuditLog;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Registers a client with one of the caller's teams. The registering professional becomes the
 * client's case manager; {@code client.registered} and that first {@code careteam.member-joined}
 * are written to the outbox in the same transaction.
 */
@ApplicationScoped
public class ClientRegistration {

    @Inject
    OutboxWriter outbox;

    @Inject
    ClientReferences references;

    @Inject
    AuditLog audit;

    @Transactional
    public Client register(ClientProfile profile, Caller caller) {
        String organisationId = caller.organisationId()
                .orElseThrow(() -> ProblemException.invalidField("token", "carries no organisation"));
        String teamId = chooseTeam(profile.teamId(), caller.teamIds());

        Client client = new Client();
        client.id = UUID.randomUUID();
        client.reference = references.next();
        client.organisationId = organisationId;
        client.teamId = teamId;
        ProfileFields.apply(profile, client);
        client.status = ClientStatus.ACTIVE;
        client.registeredBy = caller.userId();
        client.registeredAt = Instant.now();
        client.persist();

        CareCircleMember caseManager = new CareCircleMember();
        caseManager.id = UUID.randomUUID();
        caseManager.clientId = client.id;
        caseManager.userId = caller.userId();
        caseManager.role = CareTeamRole.CASE_MANAGER;
        caseManager.organisationId = organisationId;
        caseManager.displayName = caller.displayName();
        caseManager.joinedOn = CareDays.today();
        caseManager.addedBy = caller.userId();
        caseManager.persist();

        audit.record(client.id, "write", "profile", "registered-by:" + caller.userId());
        outbox.append(EventType.CLIENT_REGISTERED, client.id, organisationId, teamId,
                new ClientRegistered(client.id, client.reference, organisationId, teamId, caller.userId(),
                        client.preferredLanguage, client.interpreterNeeded));
        // Every membership is announced, the first one too: other services authorise from these events alone.
        outbox.append(EventType.CARETEAM_MEMBER_JOINED, client.id, organisationId, teamId,
                new MemberJoined(client.id, caseManager.id, caseManager.userId, caseManager.role, null, organisationId,
                        caseManager.joinedOn, caller.userId()));
        return client;
    }

    static String chooseTeam(String requested, Set<String> callerTeams) {
        if (requested != null) {
            if (!callerTeams.contains(requested)) {
                throw ProblemException.invalidField("teamId", "you are not a member of team " + requested);
            }
            return requested;
        }
        if (callerTeams.size() == 1) {
            return callerTeams.iterator().next();
        }
        throw ProblemException.invalidField("teamId", callerTeams.isEmpty()
                ? "you belong to no team, so you cannot register clients"
                : "is required because you belong to several teams: " + String.join(", ", callerTeams));
    }
}
