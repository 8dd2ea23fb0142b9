package app.rapport.clients.service.goals;

import app.rapport.clients.access.Access;
import app.rapport.clients.access.ClientAccess;
import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.access.Permission;
import app.rapport.clients.access.Relationship;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.Goal;
import app.rapport.clients.domain.GoalProgress;
import app.rapport.clients.domain.GoalStatus;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventType;
import app.rapport.contract.goal.GoalAchieved;
import app.rapport.contract.goal.GoalSet;
import app.rapport.contract.goal.GoalUpdated;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The client's goals: setting them, changing their status and tasks, and recording progress. Every
 * use case goes through the access gate (which audits it) and announces changes through the outbox.
 */
@ApplicationScoped
public class ClientGoals {

    /** Care-circle roles whose members can agree a rehabilitation goal with the client. */
    private static final List<CareTeamRole> AGREEING_ROLES = List.of(CareTeamRole.CASE_MANAGER, CareTeamRole.THERAPIST,
            CareTeamRole.SUPPORT_WORKER);

    @Inject
    ClientAccess access;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Transactional
    public GoalReading list(UUID clientId, Optional<GoalStatus> status) {
        Access granted = access.require(clientId, Permission.GOALS_READ);
        boolean summaryOnly = granted.relationship() == Relationship.SOLICITOR;
        List<GoalDetails> goals = Goal.ofClient(clientId).stream()
                .filter(g -> status.map(s -> s == g.status).orElse(true))
                .map(g -> details(g, summaryOnly))
                .toList();
        return new GoalReading(goals, summaryOnly);
    }

    @Transactional
    public GoalReading get(UUID clientId, UUID goalId) {
        Access granted = access.require(clientId, Permission.GOALS_READ);
        boolean summaryOnly = granted.relationship() == Relationship.SOLICITOR;
        return new GoalReading(List.of(details(goal(clientId, goalId), summaryOnly)), summaryOnly);
    }

    @Transactional
    public GoalDetails set(UUID clientId, GoalRequest request) {
        Client client = access.require(clientId, Permission.GOALS_WRITE).client();
        LocalDate today = CareDays.today();
        if (request.targetDate() != null && request.targetDate().isBefore(today)) {
            throw ProblemException.invalidField("targetDate", "must be today or later");
        }
        TreeSet<String> agreedBy = new TreeSet<>();
        for (int i = 0; i < request.agreedBy().size(); i++) {
            String userId = request.agreedBy().get(i).strip();
            requireAgreeingMember(clientId, userId, "agreedBy[" + i + "]");
            agreedBy.add(userId);
        }

        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.clientId = clientId;
        goal.statement = request.statement().strip();
        goal.status = GoalStatus.ACTIVE;
        goal.targetDate = request.targetDate();
        goal.tasks = new ArrayList<>(tasks(request.tasks()));
        goal.agreedBy = agreedBy;
        goal.setBy = caller.userId();
        goal.setAt = Instant.now();
        goal.updatedBy = goal.setBy;
        goal.updatedAt = goal.setAt;
        goal.persist();

        outbox.append(EventType.GOAL_SET, clientId, client.organisationId, client.teamId,
                new GoalSet(clientId, goal.id, List.copyOf(agreedBy), goal.setBy));
        return new GoalDetails(goal, List.of());
    }

    /**
     * Changes status, tasks or target date. Achieved and withdrawn goals are closed (409). Achieving
     * publishes goal.achieved as well as goal.updated.
     */
    @Transactional
    public GoalDetails change(UUID clientId, UUID goalId, GoalChange change, Long expectedVersion) {
        Client client = access.require(clientId, Permission.GOALS_WRITE).client();
        Goal goal = goal(clientId, goalId);
        checkVersion(goal, expectedVersion);
        LocalDate today = CareDays.today();

        GoalStatus newStatus = change.status() == null ? goal.status : GoalStatus.fromWire(change.status()).orElseThrow();
        List<String> newTasks = change.tasks() == null ? goal.tasks : tasks(change.tasks());
        LocalDate newTarget = change.targetDate() == null ? goal.targetDate : change.targetDate();
        boolean statusChanged = newStatus != goal.status;
        boolean otherChanged = !newTasks.equals(goal.tasks) || !Objects.equals(newTarget, goal.targetDate);
        if (!statusChanged && !otherChanged) {
            return details(goal, false);
        }
        if (goal.status.isFinal()) {
            throw closed(goal);
        }
        if (statusChanged && !goal.status.next().contains(newStatus)) {
            throw new ProblemException(Problem.of(409, "invalid-goal-transition", "The goal cannot move to that status",
                    "A goal that is " + goal.status.wire() + " cannot become " + newStatus.wire()));
        }
        if (!Objects.equals(newTarget, goal.targetDate) && newTarget.isBefore(today)) {
            throw ProblemException.invalidField("targetDate", "must be today or later");
        }

        goal.status = newStatus;
        if (!newTasks.equals(goal.tasks)) {
            goal.tasks.clear();
            goal.tasks.addAll(newTasks);
        }
        goal.targetDate = newTarget;
        if (newStatus == GoalStatus.ACHIEVED) {
            goal.achievedOn = today;
        }
        touch(goal);

        outbox.append(EventType.GOAL_UPDATED, clientId, client.organisationId, client.teamId,
                new GoalUpdated(clientId, goal.id, goal.status.wire(), goal.progressPercent, caller.userId()));
        if (statusChanged && newStatus == GoalStatus.ACHIEVED) {
            outbox.append(EventType.GOAL_ACHIEVED, clientId, client.organisationId, client.teamId,
                    new GoalAchieved(clientId, goal.id, goal.achievedOn, caller.userId()));
        }
        return details(goal, false);
    }

    /** Adds a progress note (author: the caller); a percentage becomes the goal's latest estimate. */
    @Transactional
    public GoalDetails addProgress(UUID clientId, UUID goalId, ProgressRequest request, Long expectedVersion) {
        Client client = access.require(clientId, Permission.GOALS_WRITE).client();
        Goal goal = goal(clientId, goalId);
        checkVersion(goal, expectedVersion);
        if (goal.status.isFinal()) {
            throw closed(goal);
        }
        LocalDate today = CareDays.today();
        LocalDate notedOn = request.notedOn() != null ? request.notedOn() : today;
        if (notedOn.isAfter(today)) {
            throw ProblemException.invalidField("notedOn", "must not be in the future");
        }
        LocalDate setOn = CareDays.dayOf(goal.setAt);
        if (notedOn.isBefore(setOn)) {
            throw ProblemException.invalidField("notedOn", "must not be before the goal was set (" + setOn + ")");
        }

        GoalProgress progress = new GoalProgress();
        progress.id = UUID.randomUUID();
        progress.goalId = goal.id;
        progress.clientId = clientId;
        progress.notedOn = notedOn;
        progress.note = request.note().strip();
        progress.progressPercent = request.progressPercent();
        progress.authorId = caller.userId();
        progress.recordedAt = Instant.now();
        progress.persist();
        if (request.progressPercent() != null) {
            goal.progressPercent = request.progressPercent();
        }
        // The goal moves on with every note, so a colleague's stale view of it is detected.
        touch(goal);

        outbox.append(EventType.GOAL_UPDATED, clientId, client.organisationId, client.teamId,
                new GoalUpdated(clientId, goal.id, goal.status.wire(), goal.progressPercent, caller.userId()));
        return details(goal, false);
    }

    private void touch(Goal goal) {
        goal.updatedAt = Instant.now();
        goal.updatedBy = caller.userId();
        try {
            Goal.flush(); // the new version (the ETag) is known before answering, and a concurrent change shows here
        } catch (OptimisticLockException e) {
            throw ProblemException.concurrentChange("goal");
        }
    }

    private static GoalDetails details(Goal goal, boolean summaryOnly) {
        return new GoalDetails(goal, summaryOnly ? List.of() : GoalProgress.ofGoal(goal.id));
    }

    private static Goal goal(UUID clientId, UUID goalId) {
        return Goal.<Goal>findByIdOptional(goalId).filter(g -> g.clientId.equals(clientId))
                .orElseThrow(() -> ProblemException.notFound("Goal " + goalId));
    }

    private static void checkVersion(Goal goal, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != goal.version) {
            throw new ProblemException(Problem.of(412, "stale-version", "The goal was changed by someone else",
                    "Read the goal again and reapply your change (you sent version " + expectedVersion
                            + ", the current one is " + goal.version + ")"));
        }
    }

    private static ProblemException closed(Goal goal) {
        return new ProblemException(Problem.of(409, "goal-closed", "The goal is closed",
                "This goal is " + goal.status.wire() + " and can no longer change; agree a new goal with the client instead"));
    }

    private static void requireAgreeingMember(UUID clientId, String userId, String field) {
        CareCircleMember member = CareCircleMember.activeMembership(clientId, userId)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not an active member of this client's care circle"));
        if (!AGREEING_ROLES.contains(member.role)) {
            throw ProblemException.invalidField(field, "is the client's " + member.role.wire()
                    + "; goals are agreed with the case manager, therapists and support workers");
        }
    }

    private static List<String> tasks(List<String> tasks) {
        return tasks == null ? List.of() : tasks.stream().map(String::strip).toList();
    }
}
