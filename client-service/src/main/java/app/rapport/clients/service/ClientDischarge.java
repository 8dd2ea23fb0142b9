package app.rapport.clients.service;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Ends the client's work with the team. The discharge date starts the record-keeping period after
 * which the record may be erased; {@code client.discharged} lets other services close what is open.
 */
@ApplicationScoped
public class ClientDischarge {

    @Inject
    ClientAccess access;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public Client discharge(UUID clientId, DischargeRequest request) {
        Access granted = access.require(clientId, Permission.DISCHARGE);
        Client client = granted.client();
        // Locked and re-read: of two discharges at once, the second sees the first and gets the 409.
        Client.getEntityManager().refresh(client, LockModeType.PESSIMISTIC_WRITE);
        if (client.status == ClientStatus.DISCHARGED) {
            throw new ProblemException(Problem.of(409, "already-discharged", "Already discharged",
                    "The client was discharged on " + client.dischargedOn + " (" + client.dischargeEnding + ")"));
        }
        LocalDate today = CareDays.today();
        LocalDate dischargedOn = request.dischargedOn() == null ? today : request.dischargedOn();
        if (dischargedOn.isAfter(today)) {
            throw ProblemException.invalidField("dischargedOn", "must not be in the future");
        }
        LocalDate registeredOn = CareDays.dayOf(client.registeredAt);
        if (dischargedOn.isBefore(registeredOn)) {
            throw ProblemException.invalidField("dischargedOn", "must not be before the client was registered ("
                    + registeredOn + ")");
        }
        client.status = ClientStatus.DISCHARGED;
        client.dischargedOn = dischargedOn;
        client.dischargeEnding = request.ending();
        client.dischargeReason = ProfileFields.trim(request.reason());
        client.dischargedBy = caller.userId();
        client.updatedAt = Instant.now();
        client.updatedBy = caller.userId();
        outbox.append(EventType.CLIENT_DISCHARGED, client.id, client.organisationId, client.teamId,
                new ClientDischarged(client.id, client.dischargeEnding, client.dischargedOn, client.dischargedBy));
        return client;
    }
}
