package app.rapport.clients.service.cases;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.LitigationStage;
import app.rapport.clients.domain.Organisation;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reading and replacing a client's case (referral, rehabilitation context, funding, litigation). */
@ApplicationScoped
public class CaseRecords {

    /** What the caller gets: their access (which decides the view) and the case, if one was recorded. */
    public record CaseRead(Access access, Optional<ClientCase> clientCase) {
    }

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Transactional
    public CaseRead read(UUID clientId) {
        Access granted = access.require(clientId, Permission.CASE_READ);
        return new CaseRead(granted, ClientCase.of(clientId));
    }

    @Transactional
    public CaseRead replace(UUID clientId, CaseDetails details) {
        Access granted = access.require(clientId, Permission.CASE_WRITE);
        if (details.referralDate() != null && details.referralDate().isAfter(CareDays.today())) {
            throw ProblemException.invalidField("referralDate", "must not be in the future");
        }
        String firmId = trim(details.firmId());
        checkIsLawFirm(firmId);
        LitigationStage stage = details.litigationStage() == null ? null
                : LitigationStage.fromWire(details.litigationStage()).orElseThrow();
        if (stage != null && firmId == null) {
            throw ProblemException.invalidField("litigationStage", "needs the firm acting for the client (firmId)");
        }

        // Client row first, then the case: the same order as erasure, so the two cannot deadlock. Locking the
        // client serialises creating the case; re-reading the case under lock keeps a milestone's stage change.
        Client.getEntityManager().refresh(granted.client(), LockModeType.PESSIMISTIC_WRITE);
        Optional<ClientCase> existing = ClientCase.of(clientId);
        existing.ifPresent(c -> ClientCase.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE));
        ClientCase clientCase = existing.orElseGet(() -> {
            ClientCase created = new ClientCase();
            created.clientId = clientId;
            return created;
        });
        if (firmId != null && stage == null) {
            // Milestones move the stage on; an edit that leaves it out must not put the claim back. A newly
            // named firm means a claim exists, so it opens at pre-action.
            stage = firmId.equals(clientCase.firmId) && clientCase.litigationStage != null
                    ? clientCase.litigationStage : LitigationStage.PRE_ACTION;
        }
        if (firmId == null && clientCase.isUnderLegalHold()) {
            // Otherwise taking the firm off would quietly lift the legal hold on an open claim.
            throw new ProblemException(Problem.of(409, "legal-hold", "The claim is still open",
                    "The case is in open litigation (stage " + clientCase.litigationStage.wire() + ", firm "
                            + clientCase.firmId + "). Record how it ended (settled, discontinued or concluded) before "
                            + "removing the firm."));
        }
        clientCase.referralDate = details.referralDate();
        clientCase.referralSource = trim(details.referralSource());
        clientCase.injuryContext = trim(details.injuryContext());
        clientCase.rehabilitationContext = trim(details.rehabilitationContext());
        clientCase.fundingSource = trim(details.fundingSource());
        clientCase.fundingReference = trim(details.fundingReference());
        clientCase.firmId = firmId;
        clientCase.solicitorReference = trim(details.solicitorReference());
        clientCase.litigationStage = stage;
        clientCase.updatedAt = Instant.now();
        clientCase.updatedBy = caller.userId();
        clientCase.persist();
        return new CaseRead(granted, Optional.of(clientCase));
    }

    /** Firms we know must be law firms; an id we have no row for is accepted until firms are onboarded. */
    private static void checkIsLawFirm(String firmId) {
        if (firmId == null) {
            return;
        }
        Organisation.<Organisation>findByIdOptional(firmId)
                .filter(organisation -> organisation.kind != Organisation.Kind.LAW_FIRM)
                .ifPresent(organisation -> {
                    throw ProblemException.invalidField("firmId", "organisation " + firmId + " is not a law firm");
                });
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
