package app.rapport.clients.service;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.Organisation;
import app.rapport.clients.domain.Professional;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who works with a client. Joining and leaving are published, because every other service decides
 * access from this circle.
 */
@ApplicationScoped
public class CareCircle {

    @Inject
    ClientAccess access;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    /** Members, current first; past members only when asked for. */
    @Transactional
    public List<CareCircleMember> members(UUID clientId, boolean includePast) {
        access.require(clientId, Permission.CARE_CIRCLE_READ);
        String query = includePast ? "clientId = ?1" : "clientId = ?1 and leftOn is null";
        return CareCircleMember.<CareCircleMember>list(query + " order by case when leftOn is null then 0 else 1 end, joinedOn, id", clientId);
    }

    @Transactional
    public CareCircleMember add(UUID clientId, NewMember request) {
        Access granted = access.require(clientId, Permission.CARE_CIRCLE_WRITE);
        Client client = granted.client();
        LocalDate today = CareDays.today();
        LocalDate joinedOn = request.joinedOn() != null ? request.joinedOn() : today;
        if (joinedOn.isAfter(today)) {
            throw ProblemException.invalidField("joinedOn", "cannot be in the future; add the member on the day they join");
        }

        CareCircleMember member = new CareCircleMember();
        member.id = UUID.randomUUID();
        member.clientId = clientId;
        member.role = request.role();
        member.joinedOn = joinedOn;
        member.addedBy = caller.userId();
        if (request.role() == CareTeamRole.FAMILY) {
            fillFamilyMember(member, request);
        } else {
            fillProfessional(member, request, client);
        }
        member.persist();

        outbox.append(EventType.CARETEAM_MEMBER_JOINED, clientId, client.organisationId, client.teamId,
                new MemberJoined(clientId, member.id, member.userId, member.role, member.discipline,
                        member.organisationId, member.joinedOn, caller.userId()));
        return member;
    }

    @Transactional
    public CareCircleMember end(UUID clientId, UUID memberId, LocalDate leftOn) {
        Access granted = access.require(clientId, Permission.CARE_CIRCLE_WRITE);
        Client client = granted.client();
        CareCircleMember member = CareCircleMember.<CareCircleMember>find("id = ?1 and clientId = ?2", memberId, clientId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Care-circle member " + memberId));
        if (!member.isActive()) {
            throw new ProblemException(Problem.of(409, "membership-already-ended", "Membership already ended",
                    "This membership ended on " + member.leftOn + "; add the person again if they rejoin"));
        }
        LocalDate day = leftOn != null ? leftOn : CareDays.today();
        if (day.isBefore(member.joinedOn)) {
            throw ProblemException.invalidField("leftOn", "cannot be before the member joined (" + member.joinedOn + ")");
        }
        if (day.isAfter(CareDays.today())) {
            throw ProblemException.invalidField("leftOn", "cannot be in the future");
        }
        if (member.role == CareTeamRole.CASE_MANAGER && CareCircleMember.count(
                "clientId = ?1 and role = ?2 and leftOn is null and id <> ?3", clientId, CareTeamRole.CASE_MANAGER, memberId) == 0) {
            throw new ProblemException(Problem.of(409, "last-case-manager", "The client needs a case manager",
                    "This is the client's only case manager; add the new case manager before ending this membership"));
        }
        member.leftOn = day;
        member.endedBy = caller.userId();
        outbox.append(EventType.CARETEAM_MEMBER_LEFT, clientId, client.organisationId, client.teamId,
                new MemberLeft(clientId, member.id, member.userId, member.role, day));
        return member;
    }

    private static void fillFamilyMember(CareCircleMember member, NewMember request) {
        if (request.userId() != null) {
            throw ProblemException.invalidField("userId", "family members have no Rapport account; leave it out");
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw ProblemException.invalidField("displayName", "is required for a family member");
        }
        if (request.relationship() == null || request.relationship().isBlank()) {
            throw ProblemException.invalidField("relationship", "is required for a family member (e.g. sister, partner)");
        }
        member.displayName = request.displayName().strip();
        member.relationship = request.relationship().strip();
        member.phone = ProfileFields.trim(request.phone());
        member.email = ProfileFields.trim(request.email());
    }

    private static void fillProfessional(CareCircleMember member, NewMember request, Client client) {
        if (request.userId() == null || request.userId().isBlank()) {
            throw ProblemException.invalidField("userId", "is required for a professional");
        }
        for (String familyOnly : new String[]{request.relationship(), request.phone(), request.email()}) {
            if (familyOnly != null) {
                throw ProblemException.invalidField("relationship", "relationship, phone and email are kept for family "
                        + "members only; a professional's details come from the directory");
            }
        }
        Professional professional = Professional.<Professional>findByIdOptional(request.userId())
                .filter(p -> p.active)
                .orElseThrow(() -> ProblemException.invalidField("userId",
                        "is not an active professional in the directory; an organisation admin adds people there"));
        String expectedRole = request.role().wire();
        if (!professional.role.equals(expectedRole)) {
            throw ProblemException.invalidField("role", "does not match " + professional.displayName + "'s role ("
                    + professional.role + ")");
        }
        Organisation.Kind kind = Organisation.<Organisation>findByIdOptional(professional.organisationId)
                .map(o -> o.kind).orElse(Organisation.Kind.CASE_MANAGEMENT);
        if (request.role() == CareTeamRole.SOLICITOR && kind != Organisation.Kind.LAW_FIRM) {
            throw ProblemException.invalidField("userId", "a solicitor must belong to a law firm");
        }
        if (request.role() == CareTeamRole.CASE_MANAGER && !professional.organisationId.equals(client.organisationId)) {
            throw ProblemException.invalidField("userId", "a case manager must work for the organisation holding the client");
        }
        if (CareCircleMember.activeMembership(client.id, professional.userId).isPresent()) {
            throw new ProblemException(Problem.of(409, "already-a-member", "Already in the care circle",
                    professional.displayName + " is already an active member of this client's care circle"));
        }
        member.userId = professional.userId;
        member.displayName = professional.displayName;
        member.organisationId = professional.organisationId;
        member.discipline = request.discipline() != null ? request.discipline().strip() : professional.discipline;
    }
}
