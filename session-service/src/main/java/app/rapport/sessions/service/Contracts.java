package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import app.rapport.sessions.access.ConsentLedger;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.SessionContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Sessions agreed per client–professional pair, what is used and left, and how the work ended. */
@ApplicationScoped
public class Contracts {

    public record NewContract(@NotNull UUID clientId,
                              @NotBlank @Size(max = 64) String professionalId,
                              @NotNull @Min(1) @Max(500) Integer sessionsAgreed,
                              @Pattern(regexp = "weekly|fortnightly|monthly|other", message = "must be weekly, fortnightly, monthly or other")
                              String frequency,
                              LocalDate startsOn) {
    }

    public record Ending(@NotNull @Pattern(regexp = "planned|unplanned", message = "must be planned or unplanned") String kind,
                         LocalDate endedOn) {
    }

    public record ContractView(UUID id, UUID clientId, String professionalId, int sessionsAgreed, int sessionsUsed,
                               int sessionsLeft, String frequency, LocalDate startsOn, Instant endingRaisedAt, String ending,
                               LocalDate endedOn) {
    }

    private static final Set<CareTeamRole> CONTRACTED = Set.of(CareTeamRole.THERAPIST, CareTeamRole.SUPPORT_WORKER,
            CareTeamRole.CASE_MANAGER);

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    Endings endings;

    @Transactional
    public ContractView agree(NewContract request) {
        UUID clientId = request.clientId();
        access.require(clientId, Permission.CONTRACT_WRITE);
        if (CareMember.activeMembership(clientId, request.professionalId()).filter(m -> CONTRACTED.contains(m.role)).isEmpty()) {
            throw ProblemException.invalidField("professionalId", "is not a professional in this client's care team");
        }
        if (SessionContract.open(clientId, request.professionalId()).isPresent()) {
            throw new ProblemException(Problem.of(409, "contract-exists", "A contract is already open",
                    "Record the ending of the open contract with " + request.professionalId() + " before agreeing a new one"));
        }
        SessionContract contract = new SessionContract();
        contract.id = UUID.randomUUID();
        contract.clientId = clientId;
        contract.professionalId = request.professionalId();
        contract.sessionsAgreed = request.sessionsAgreed();
        contract.frequency = request.frequency();
        contract.startsOn = request.startsOn() == null ? CareDays.today() : request.startsOn();
        contract.createdBy = caller.userId();
        contract.createdAt = Instant.now();
        contract.persist();
        endings.check(contract);
        return view(contract);
    }

    @Transactional
    public List<ContractView> of(UUID clientId) {
        access.require(clientId, Permission.CONTRACT_READ);
        return SessionContract.<SessionContract>list("clientId = ?1 order by startsOn, createdAt", clientId).stream()
                .map(this::view).toList();
    }

    @Transactional
    public ContractView end(UUID contractId, Ending ending) {
        SessionContract contract = SessionContract.<SessionContract>findByIdOptional(contractId)
                .orElseThrow(() -> ProblemException.notFound("Contract " + contractId));
        access.require(contract.clientId, Permission.CONTRACT_WRITE, "Contract " + contractId);
        if (contract.endedOn != null) {
            throw new ProblemException(Problem.of(409, "contract-ended", "Contract already ended",
                    "The contract ended on " + contract.endedOn));
        }
        LocalDate endedOn = ending.endedOn() == null ? CareDays.today() : ending.endedOn();
        if (endedOn.isBefore(contract.startsOn)) {
            throw ProblemException.invalidField("endedOn", "must not be before the contract started (" + contract.startsOn + ")");
        }
        contract.endingKind = SessionContract.EndingKind.valueOf(ending.kind().toUpperCase(Locale.ROOT));
        contract.endedOn = endedOn;
        return view(contract);
    }

    private ContractView view(SessionContract c) {
        int used = endings.used(c);
        return new ContractView(c.id, c.clientId, c.professionalId, c.sessionsAgreed, used, Math.max(0, c.sessionsAgreed - used),
                c.frequency, c.startsOn, c.endingRaisedAt, c.endingKind == null ? null : c.endingKind.name().toLowerCase(Locale.ROOT),
                c.endedOn);
    }
}
