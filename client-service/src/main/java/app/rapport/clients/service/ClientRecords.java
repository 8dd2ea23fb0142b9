package app.rapport.clients.service;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.Client;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading and changing one client's profile, each through the access gate and the audit log. */
@ApplicationScoped
public class ClientRecords {

    @Inject
    ClientAccess access;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public Access read(UUID clientId) {
        return access.require(clientId, Permission.PROFILE_READ);
    }

    /**
     * Replaces the profile. {@code expectedVersion} (from the ETag) guards against overwriting a
     * colleague's change made in between.
     */
    @Transactional
    public Access update(UUID clientId, ClientProfile profile, Long expectedVersion) {
        Access granted = access.require(clientId, Permission.PROFILE_WRITE);
        Client client = granted.client();
        if (expectedVersion != null && expectedVersion != client.version) {
            throw new ProblemException(Problem.of(412, "stale-version", "The client was changed by someone else",
                    "Read the client again and reapply your change (you sent version " + expectedVersion
                            + ", the current one is " + client.version + ")"));
        }
        String oldTeam = client.teamId;
        if (profile.teamId() != null && !profile.teamId().equals(oldTeam)) {
            client.teamId = ClientRegistration.chooseTeam(profile.teamId(), caller.teamIds());
        }
        List<String> changed = new java.util.ArrayList<>(ProfileFields.apply(profile, client));
        if (!client.teamId.equals(oldTeam)) {
            changed.add("team");
        }
        if (changed.isEmpty()) {
            return granted;
        }
        client.updatedAt = Instant.now();
        client.updatedBy = caller.userId();
        try {
            Client.flush(); // the new version (the ETag) is known before answering, and a concurrent change shows here
        } catch (OptimisticLockException e) {
            throw ProblemException.concurrentChange("client");
        }
        outbox.append(EventType.CLIENT_UPDATED, client.id, client.organisationId, client.teamId,
                new ClientUpdated(client.id, client.teamId, changed, client.preferredLanguage, client.interpreterNeeded,
                        caller.userId()));
        return granted;
    }
}
