package app.rapport.clients.service.privacy;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.clients.domain.ErasureRecord;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientErased;
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
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a client's personal data from every section, in one transaction, once nothing requires
 * keeping it: no open litigation (legal hold), the client discharged, and the agreed record-keeping
 * period after discharge over. What remains is an empty client row (ids), the erasure record and the
 * audit log. {@code client.erased} tells every other service to erase its part.
 */
@ApplicationScoped
public class Erasure {

    @Inject
    ClientAccess access;

    @Inject
    PersonalDataSections sections;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public Client erase(UUID clientId, ErasureRequest request) {
        Access granted = access.require(clientId, Permission.ERASE);
        Client client = granted.client();
        // Lock the row: a discharge or a case change racing the erasure must not slip in between the checks and the erasure.
        Client.getEntityManager().refresh(client, LockModeType.PESSIMISTIC_WRITE);
        if (client.isErased()) {
            throw ProblemException.notFound("Client " + clientId);
        }
        refuseWhileRecordsMustBeKept(client, ClientCase.of(clientId));

        sections.all().forEach(section -> section.erase(clientId));

        Instant now = Instant.now();
        client.status = ClientStatus.ERASED;
        client.erasedAt = now;
        client.erasedBy = caller.userId();
        ErasureRecord record = new ErasureRecord();
        record.clientId = clientId;
        record.erasedAt = now;
        record.erasedBy = caller.userId();
        record.reason = request.reason().strip();
        record.persist();
        outbox.append(EventType.CLIENT_ERASED, clientId, client.organisationId, client.teamId,
                new ClientErased(clientId, now, caller.userId()));
        return client;
    }

    static void refuseWhileRecordsMustBeKept(Client client, Optional<ClientCase> clientCase) {
        if (clientCase.isPresent() && clientCase.get().isUnderLegalHold()) {
            ClientCase c = clientCase.get();
            throw refused("legal-hold", "The record is under legal hold",
                    "The client's claim is open (stage " + c.litigationStage.wire() + ", firm " + c.firmId
                            + "), so the record must be kept until the claim is settled, discontinued or concluded.");
        }
        if (client.status != ClientStatus.DISCHARGED || client.dischargedOn == null) {
            throw refused("not-discharged", "The client is still being supported",
                    "Only a discharged client's record can be erased, and only after the agreed record-keeping "
                            + "period (" + client.recordsRetention + " after discharge). Discharge the client first.");
        }
        LocalDate keepUntil;
        try {
            keepUntil = client.dischargedOn.plus(Period.parse(client.recordsRetention));
        } catch (DateTimeParseException e) {
            throw refused("retention-period", "The record-keeping period is unclear",
                    "The record-keeping period '" + client.recordsRetention + "' cannot be read; correct the "
                            + "record-keeping agreement before erasing.");
        }
        if (keepUntil.isAfter(CareDays.today())) {
            throw refused("retention-period", "The record-keeping period has not ended",
                    "The client agreed their records are kept for " + client.recordsRetention + " after discharge ("
                            + client.dischargedOn + "), so they can be erased from " + keepUntil + ".");
        }
    }

    private static ProblemException refused(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }
}
