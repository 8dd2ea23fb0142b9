package app.rapport.clients.service.consent;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ConsentDecision;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventType;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.platform.consent.ConsentRules;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading and recording the client's consent decisions. Decisions are only ever added; the access
 * gate reads them on every request, so a decision takes effect with the next request after it commits.
 */
@ApplicationScoped
public class ClientConsent {

    /** The recipients the client's decisions address, in the order they are shown. Case managers hold the record. */
    static final List<CareTeamRole> RECIPIENT_ROLES = Arrays.stream(CareTeamRole.values())
            .filter(ConsentRules::narrowable).toList();

    /** How far ahead a decision may be dated; further is almost always a typing slip. */
    private static final int MAX_DAYS_AHEAD = 366;

    @Inject
    ClientAccess access;

    @Inject
    ConsentLedger ledger;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public ConsentState read(UUID clientId) {
        Client client = access.require(clientId, Permission.CONSENT_READ).client();
        LocalDate today = CareDays.today();
        List<EffectiveConsent> current = new ArrayList<>();
        for (CareTeamRole role : RECIPIENT_ROLES) {
            for (DataCategory category : DataCategory.values()) {
                current.add(effective(clientId, category, role, null, today));
            }
        }
        // Each member of the circle too (a decision naming them outranks their role's), then the history.
        List<CareCircleMember> members = CareCircleMember.list("clientId = ?1 and leftOn is null order by joinedOn, id",
                clientId);
        for (CareCircleMember member : members) {
            if (ConsentRules.narrowable(member.role)) {
                for (DataCategory category : DataCategory.values()) {
                    current.add(effective(clientId, category, member.role, member.id, today));
                }
            }
        }
        List<ConsentRecord> history = ConsentRecord.list("clientId = ?1 order by recordedAt desc, id desc", clientId);
        return new ConsentState(client, current, history);
    }

    /** Records one decision and announces it; nothing is written when any part of it is refused. */
    @Transactional
    public ConsentRecord decide(UUID clientId, ConsentRequest request) {
        Access granted = access.require(clientId, Permission.CONSENT_WRITE);
        Client client = granted.client();

        DataCategory category = category(request.category());
        ConsentDecision decision = ConsentDecision.valueOf(request.decision().toUpperCase(java.util.Locale.ROOT));
        if ((request.recipientRole() == null) == (request.recipientMemberId() == null)) {
            String message = "give exactly one of recipientRole and recipientMemberId";
            throw new ProblemException(Problem.invalid("The recipient is " + (request.recipientRole() == null ? "missing" : "ambiguous")
                    + ": " + message, List.of(new Problem.FieldError("recipientRole", message),
                    new Problem.FieldError("recipientMemberId", message))));
        }
        CareTeamRole role;
        if (request.recipientMemberId() != null) {
            role = activeMember(clientId, request.recipientMemberId()).role;
        } else {
            role = recipientRole(request.recipientRole());
        }
        if (!ConsentRules.narrowable(role)) {
            throw new ProblemException(Problem.of(422, "case-manager-holds-record", "Case managers cannot be addressed",
                    "The case manager holds the client's record, so their access is not a matter for consent decisions"));
        }

        LocalDate today = CareDays.today();
        LocalDate from = request.effectiveFrom() != null ? request.effectiveFrom() : today;
        if (from.isBefore(today)) {
            // Backdating would authorise (or revoke) access that has already happened.
            throw ProblemException.invalidField("effectiveFrom", "must be today (" + today + ") or later: decisions cannot be backdated");
        }
        if (from.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ProblemException.invalidField("effectiveFrom", "must be within a year from today");
        }
        if (request.effectiveUntil() != null) {
            if (decision == ConsentDecision.WITHDRAWN) {
                throw ProblemException.invalidField("effectiveUntil",
                        "only a grant can end; a withdrawal stays in force until the client grants again");
            }
            if (request.effectiveUntil().isBefore(from)) {
                throw ProblemException.invalidField("effectiveUntil", "must not be before effectiveFrom (" + from + ")");
            }
        }
        if (decision == ConsentDecision.GRANTED && ConsentRules.neverShared(role, category)) {
            throw new ProblemException(Problem.of(422, "never-shared", "This data is never shared with this recipient",
                    category.wire() + " data is never shared with " + plural(role) + ", whatever the client agrees"
                            + (category == DataCategory.ALLIANCE && role == CareTeamRole.SOLICITOR
                            ? ": in litigation it could be used against the client" : "")));
        }

        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.clientId = clientId;
        record.category = category;
        record.recipientRole = request.recipientMemberId() == null ? role : null;
        record.recipientMemberId = request.recipientMemberId();
        record.decision = decision;
        record.effectiveFrom = from;
        record.effectiveUntil = request.effectiveUntil();
        record.note = trim(request.note());
        record.recordedBy = caller.userId();
        record.recordedAt = Instant.now();
        record.persist();

        Object event = decision == ConsentDecision.GRANTED
                ? new ConsentGranted(clientId, record.id, category, record.recipientRole, record.recipientMemberId,
                record.effectiveFrom, record.effectiveUntil, record.recordedBy)
                : new ConsentWithdrawn(clientId, record.id, category, record.recipientRole, record.recipientMemberId,
                record.effectiveFrom, record.recordedBy);
        outbox.append(decision == ConsentDecision.GRANTED ? EventType.CONSENT_GRANTED : EventType.CONSENT_WITHDRAWN,
                clientId, client.organisationId, client.teamId, event);
        return record;
    }

    /** Replaces the record-keeping agreement held on the client. */
    @Transactional
    public Client agreeRecordKeeping(UUID clientId, RecordKeepingRequest request) {
        Client client = access.require(clientId, Permission.CONSENT_WRITE).client();
        String retention = RetentionPeriod.parse(request.retention());
        if (request.agreedOn().isAfter(CareDays.today())) {
            throw ProblemException.invalidField("agreedOn", "must not be in the future");
        }
        client.recordsSharedWith = trim(request.sharedWith());
        client.recordsRetention = retention;
        client.recordKeepingAgreedOn = request.agreedOn();
        client.updatedAt = Instant.now();
        client.updatedBy = caller.userId();
        try {
            Client.flush(); // a colleague's change committed in between shows here, not as a failed commit
        } catch (OptimisticLockException e) {
            throw ProblemException.concurrentChange("client");
        }
        return client;
    }

    private EffectiveConsent effective(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId,
                                       LocalDate today) {
        if (ConsentRules.neverShared(role, category)) {
            return new EffectiveConsent(category, role, memberId, false, "never-shared", null);
        }
        // One read of the client's decisions answers both what is shared and which decision settles it.
        ConsentLedger.Decisions decisions = ledger.decisions(clientId, category);
        boolean shared = decisions.allow(role, memberId, today);
        Optional<ConsentRecord> decisive = decisions.decisiveRecord(role, memberId, today);
        if (decisive.isEmpty()) {
            return new EffectiveConsent(category, role, memberId, shared, "default", null);
        }
        ConsentRecord record = decisive.get();
        boolean ranOut = record.decision == ConsentDecision.GRANTED && !record.isInForceOn(today);
        return new EffectiveConsent(category, role, memberId, shared, ranOut ? "expired" : "decision", record);
    }

    private static CareCircleMember activeMember(UUID clientId, UUID memberId) {
        return CareCircleMember.<CareCircleMember>findByIdOptional(memberId)
                .filter(m -> m.clientId.equals(clientId) && m.isActive())
                .orElseThrow(() -> ProblemException.invalidField("recipientMemberId",
                        "is not an active member of this client's care circle"));
    }

    private static DataCategory category(String value) {
        return Arrays.stream(DataCategory.values()).filter(c -> c.wire().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("category", "must be one of "
                        + Arrays.stream(DataCategory.values()).map(DataCategory::wire).collect(Collectors.joining(", "))));
    }

    private static CareTeamRole recipientRole(String value) {
        return Arrays.stream(CareTeamRole.values()).filter(r -> r.wire().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("recipientRole", "must be one of "
                        + Arrays.stream(CareTeamRole.values()).map(CareTeamRole::wire).collect(Collectors.joining(", "))));
    }

    private static String plural(CareTeamRole role) {
        return switch (role) {
            case FAMILY -> "family members";
            default -> role.wire().replace('-', ' ') + "s";
        };
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
