package app.rapport.clients.service.cases;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.LitigationMilestone;
import app.rapport.clients.domain.LitigationStage;
import app.rapport.contract.EventType;
import app.rapport.contract.litigation.MilestoneRecorded;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recording and listing litigation milestones. Some milestones move the claim on (proceedings
 * issued, trial listed, settled, concluded); a settled or concluded claim ends the legal hold.
 */
@ApplicationScoped
public class LitigationMilestones {

    static final String OPERATION = "litigation-milestone";

    /** The stage each milestone kind brings the claim to; other kinds leave the stage alone. */
    private static final Map<String, LitigationStage> STAGE_AFTER = Map.of(
            "proceedings-issued", LitigationStage.PROCEEDINGS_ISSUED,
            "trial-date-set", LitigationStage.TRIAL_LISTED,
            "settlement", LitigationStage.SETTLED,
            "case-closed", LitigationStage.CONCLUDED);

    /** The milestone and whether this request created it (false: an idempotent retry). */
    public record Recorded(LitigationMilestone milestone, boolean created) {
    }

    @Inject
    ClientAccess access;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public List<LitigationMilestone> list(UUID clientId) {
        access.require(clientId, Permission.CASE_READ);
        return LitigationMilestone.ofClient(clientId);
    }

    @Transactional
    public LitigationMilestone get(UUID clientId, UUID milestoneId) {
        access.require(clientId, Permission.CASE_READ);
        return LitigationMilestone.<LitigationMilestone>findByIdOptional(milestoneId)
                .filter(m -> m.clientId.equals(clientId))
                .orElseThrow(() -> ProblemException.notFound("Milestone " + milestoneId));
    }

    @Transactional
    public Recorded record(UUID clientId, MilestoneRequest request, String idempotencyKey) {
        Access granted = access.require(clientId, Permission.MILESTONE_WRITE);
        checkDates(request);
        ClientCase clientCase = lockedCase(clientId)
                .filter(c -> c.firmId != null)
                .orElseThrow(() -> new ProblemException(Problem.of(409, "no-litigation", "No law firm on the case",
                        "The client's case names no law firm acting for them, so there is no claim to record "
                                + "milestones against. Record the firm on the case first.")));

        String note = CaseRecords.trim(request.note());
        String fingerprint = IdempotentRequests.fingerprint(caller.userId(), request.kind(), request.occurredOn(),
                request.dueOn(), note);
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.earlierResult(clientId, OPERATION, idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return new Recorded(LitigationMilestone.findById(earlier.get()), false);
            }
        }

        LitigationStage current = clientCase.litigationStage == null ? LitigationStage.PRE_ACTION : clientCase.litigationStage;
        LitigationStage next = STAGE_AFTER.get(request.kind());
        if (next != null && next.isOpen() && !current.isOpen()) {
            throw new ProblemException(Problem.of(409, "litigation-closed", "The claim has ended",
                    "The claim is " + current.wire() + ", so a " + request.kind() + " milestone cannot be recorded. "
                            + "If the claim was reopened, the case manager updates the case's litigation stage first."));
        }

        LitigationMilestone milestone = new LitigationMilestone();
        milestone.id = UUID.randomUUID();
        milestone.clientId = clientId;
        milestone.kind = request.kind();
        milestone.occurredOn = request.occurredOn();
        milestone.dueOn = request.dueOn();
        milestone.note = note;
        milestone.firmId = clientCase.firmId;
        milestone.recordedBy = caller.userId();
        milestone.recordedAt = Instant.now();
        milestone.persist();

        if (next != null && next.isLaterThan(current)) {
            clientCase.litigationStage = next;
            clientCase.updatedAt = milestone.recordedAt;
            clientCase.updatedBy = caller.userId();
        }
        if (idempotencyKey != null) {
            idempotency.remember(clientId, OPERATION, idempotencyKey, fingerprint, milestone.id);
        }
        outbox.append(EventType.LITIGATION_MILESTONE_RECORDED, clientId, granted.client().organisationId,
                granted.client().teamId, new MilestoneRecorded(clientId, milestone.id, milestone.kind,
                        milestone.occurredOn, milestone.dueOn, milestone.firmId, milestone.recordedBy));
        return new Recorded(milestone, true);
    }

    /**
     * Locking the case serialises milestones per client, so stage changes and idempotency-key checks
     * cannot interleave. Refreshed, because the access gate may have loaded it before the lock.
     */
    private static Optional<ClientCase> lockedCase(UUID clientId) {
        Optional<ClientCase> clientCase = ClientCase.of(clientId);
        clientCase.ifPresent(c -> ClientCase.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE));
        return clientCase;
    }

    private static void checkDates(MilestoneRequest request) {
        if (request.occurredOn().isAfter(CareDays.today())) {
            throw ProblemException.invalidField("occurredOn", "must not be in the future");
        }
        if (request.dueOn() == null && request.kind().equals("trial-date-set")) {
            throw ProblemException.invalidField("dueOn", "is required for trial-date-set (the trial date)");
        }
        if (request.dueOn() != null && !request.dueOn().isAfter(request.occurredOn())) {
            throw ProblemException.invalidField("dueOn", "must be after occurredOn");
        }
    }
}
