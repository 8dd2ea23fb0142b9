package app.rapport.clients.rest;

import app.rapport.platform.audit.AuditEntry;
import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.audit;
import static app.rapport.clients.support.Fixtures.caseWithFirm;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.registerClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class GoalResourceTest {

    /** Per test, so that a run across midnight does not compare with yesterday. */
    private final LocalDate today = CareDays.today();

    /** A client with Alice as case manager, Theo as therapist and Sam as support worker. */
    private static String clientWithCareTeam(String givenName) {
        String clientId = registerClient(DemoUsers.ALICE, givenName);
        joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        joinCareCircle(clientId, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        return clientId;
    }

    private static String goals(String clientId) {
        return "/api/v1/clients/" + clientId + "/goals";
    }

    private static String setGoal(String clientId, String statement) {
        return as(DemoUsers.THEO).body("{\"statement\":\"" + statement + "\",\"tasks\":[\"Stretches every morning\"],"
                        + "\"agreedBy\":[\"" + DemoUsers.THEO.userId() + "\"]}")
                .post(goals(clientId)).then().statusCode(201).extract().path("id");
    }

    private static String etag(Response response) {
        return response.getHeader("ETag");
    }

    @Test
    void aTherapistSetsAGoalAndTheCareTeamReadsItInFull() {
        String clientId = clientWithCareTeam("Kai");
        Response created = as(DemoUsers.THEO).body("""
                        {"statement":"I want to drive to my mum's in Whitby again",
                         "tasks":["Sit in the car for 10 minutes","Drive round the block with Alice"],
                         "agreedBy":["%s","%s"],
                         "targetDate":"%s"}""".formatted(DemoUsers.THEO.userId(), DemoUsers.ALICE.userId(), today.plusMonths(3)))
                .post(goals(clientId));
        created.then().statusCode(201)
                .header("Location", containsString(goals(clientId) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("statement", equalTo("I want to drive to my mum's in Whitby again"))
                .body("status", equalTo("active"))
                .body("tasks", equalTo(List.of("Sit in the car for 10 minutes", "Drive round the block with Alice")))
                .body("agreedBy", equalTo(List.of(DemoUsers.ALICE.userId(), DemoUsers.THEO.userId()).stream().sorted().toList()))
                .body("targetDate", equalTo(today.plusMonths(3).toString()))
                .body("setBy", equalTo(DemoUsers.THEO.userId()))
                .body("progress", hasSize(0));
        String goalId = created.path("id");
        created.then().header("Location", endsWith(goalId));

        for (var reader : List.of(DemoUsers.ALICE, DemoUsers.TARA, DemoUsers.THEO, DemoUsers.SAM)) {
            as(reader).get(goals(clientId)).then().statusCode(200)
                    .body("id", equalTo(List.of(goalId)))
                    .body("[0].tasks", hasSize(2));
            as(reader).get(goals(clientId) + "/" + goalId).then().statusCode(200)
                    .header("ETag", equalTo("\"0\""))
                    .body("agreedBy", hasSize(2));
        }
    }

    @Test
    void statusMovesBetweenActiveAndOnHoldAndAchievedAndWithdrawnAreFinal() {
        String clientId = clientWithCareTeam("Lea");
        String goalId = setGoal(clientId, "Go back to the allotment");
        String goal = goals(clientId) + "/" + goalId;

        as(DemoUsers.THEO).body("{\"status\":\"on-hold\"}").patch(goal).then().statusCode(200)
                .body("status", equalTo("on-hold")).header("ETag", equalTo("\"1\""));
        as(DemoUsers.ALICE).body("{\"status\":\"active\",\"tasks\":[\"Visit once a week\",\"Dig one bed\"],\"targetDate\":\""
                        + today.plusWeeks(6) + "\"}")
                .patch(goal).then().statusCode(200)
                .body("status", equalTo("active"))
                .body("tasks", equalTo(List.of("Visit once a week", "Dig one bed")))
                .body("targetDate", equalTo(today.plusWeeks(6).toString()))
                .body("updatedBy", equalTo(DemoUsers.ALICE.userId()));
        as(DemoUsers.THEO).body("{\"status\":\"achieved\"}").patch(goal).then().statusCode(200)
                .body("status", equalTo("achieved"))
                .body("achievedOn", equalTo(today.toString()));

        for (String change : List.of("{\"status\":\"active\"}", "{\"status\":\"withdrawn\"}", "{\"tasks\":[\"More\"]}")) {
            as(DemoUsers.THEO).body(change).patch(goal).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:rapport:problem:goal-closed"));
        }
        as(DemoUsers.THEO).body("{\"note\":\"Still going\"}").post(goal + "/progress").then().statusCode(409);
        as(DemoUsers.THEO).get(goal).then().statusCode(200).body("status", equalTo("achieved"))
                .body("tasks", equalTo(List.of("Visit once a week", "Dig one bed")));

        String withdrawnId = setGoal(clientId, "Run a 10k");
        String withdrawn = goals(clientId) + "/" + withdrawnId;
        as(DemoUsers.THEO).body("{\"status\":\"withdrawn\"}").patch(withdrawn).then().statusCode(200)
                .body("achievedOn", nullValue());
        as(DemoUsers.THEO).body("{\"status\":\"active\"}").patch(withdrawn).then().statusCode(409);
        as(DemoUsers.THEO).body("{\"status\":\"on-hold\"}").patch(withdrawn).then().statusCode(409);

        as(DemoUsers.THEO).get(goals(clientId) + "?status=achieved").then().statusCode(200).body("id", equalTo(List.of(goalId)));
        as(DemoUsers.THEO).get(goals(clientId) + "?status=withdrawn").then().statusCode(200).body("id", equalTo(List.of(withdrawnId)));
        as(DemoUsers.THEO).get(goals(clientId) + "?status=done").then().statusCode(400).body("errors.field", hasItem("status"));

        assertEquals(1, outboxEvents(clientId, "rapport.goal.achieved.v1"));
        assertEquals(4, outboxEvents(clientId, "rapport.goal.updated.v1"));
        assertEquals(2, outboxEvents(clientId, "rapport.goal.set.v1"));
    }

    @Test
    void progressNotesAreKeptNewestFirstWithTheLatestEstimate() {
        String clientId = clientWithCareTeam("Mo");
        String goalId = setGoal(clientId, "Make Sunday lunch for my family");
        String goal = goals(clientId) + "/" + goalId;

        as(DemoUsers.THEO).body("{\"notedOn\":\"" + today + "\",\"note\":\"Peeled vegetables standing for 15 minutes\",\"progressPercent\":40}")
                .post(goal + "/progress").then().statusCode(201)
                .body("progressPercent", equalTo(40))
                .body("progress", hasSize(1))
                .body("progress[0].authorId", equalTo(DemoUsers.THEO.userId()))
                .body("progress[0].notedOn", equalTo(today.toString()));
        as(DemoUsers.ALICE).body("{\"note\":\"Planned the menu with her son\"}")
                .post(goal + "/progress").then().statusCode(201)
                .body("progressPercent", equalTo(40))
                .body("progress.note", equalTo(List.of("Planned the menu with her son", "Peeled vegetables standing for 15 minutes")))
                .body("progress[0].progressPercent", nullValue())
                .header("ETag", equalTo("\"2\""));

        as(DemoUsers.SAM).get(goal).then().statusCode(200).body("progress", hasSize(2)).body("progressPercent", equalTo(40));
        as(DemoUsers.SAM).body("{\"note\":\"Helped with shopping\"}").post(goal + "/progress").then().statusCode(403);
        as(DemoUsers.SAM).body("{\"status\":\"on-hold\"}").patch(goal).then().statusCode(403);
        as(DemoUsers.SAM).body("{\"statement\":\"x\",\"agreedBy\":[\"" + DemoUsers.SAM.userId() + "\"]}").post(goals(clientId))
                .then().statusCode(403);
        as(DemoUsers.THEO).get(goal).then().body("progress", hasSize(2));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        String clientId = clientWithCareTeam("Nia");
        String goalId = setGoal(clientId, "Sleep through the night");
        String goal = goals(clientId) + "/" + goalId;
        String readByTheo = etag(as(DemoUsers.THEO).get(goal));

        Response aliceChange = as(DemoUsers.ALICE).header("If-Match", readByTheo).body("{\"status\":\"on-hold\"}").patch(goal);
        aliceChange.then().statusCode(200);
        assertNotEquals(readByTheo, etag(aliceChange));

        as(DemoUsers.THEO).header("If-Match", readByTheo).body("{\"status\":\"withdrawn\"}").patch(goal).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:rapport:problem:stale-version"));
        as(DemoUsers.THEO).header("If-Match", readByTheo).body("{\"note\":\"Slept 5 hours\"}").post(goal + "/progress")
                .then().statusCode(412);
        as(DemoUsers.THEO).header("If-Match", "yesterday").body("{\"status\":\"active\"}").patch(goal).then().statusCode(400)
                .body("errors.field", hasItem("If-Match"));
        as(DemoUsers.THEO).get(goal).then().body("status", equalTo("on-hold")).body("progress", hasSize(0))
                .header("ETag", equalTo(etag(aliceChange)));
    }

    @Test
    void invalidGoalsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String clientId = clientWithCareTeam("Oto");
        String otherClient = clientWithCareTeam("Pia");
        String theo = DemoUsers.THEO.userId();
        caseWithFirm(clientId, DemoUsers.LAW_FIRM);
        joinCareCircle(clientId, DemoUsers.SOPHIE, CareTeamRole.SOLICITOR);
        String goalId = setGoal(clientId, "Climb the stairs at home");
        String goal = goals(clientId) + "/" + goalId;
        String twentyOneTasks = "\"" + String.join("\",\"", java.util.Collections.nCopies(21, "task")) + "\"";

        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"agreedBy\":[\"" + theo + "\"]}", "statement"),
                Map.entry("{\"statement\":\"  \",\"agreedBy\":[\"" + theo + "\"]}", "statement"),
                Map.entry("{\"statement\":\"" + "w".repeat(1001) + "\",\"agreedBy\":[\"" + theo + "\"]}", "statement"),
                Map.entry("{\"statement\":\"Swim\",\"tasks\":[" + twentyOneTasks + "],\"agreedBy\":[\"" + theo + "\"]}", "tasks"),
                Map.entry("{\"statement\":\"Swim\",\"tasks\":[\"ok\",\"" + "t".repeat(301) + "\"],\"agreedBy\":[\"" + theo + "\"]}", "tasks[1]"),
                Map.entry("{\"statement\":\"Swim\",\"agreedBy\":[]}", "agreedBy"),
                Map.entry("{\"statement\":\"Swim\"}", "agreedBy"),
                Map.entry("{\"statement\":\"Swim\",\"agreedBy\":[\"" + theo + "\",\"" + DemoUsers.BILAL.userId() + "\"]}", "agreedBy[1]"),
                Map.entry("{\"statement\":\"Swim\",\"agreedBy\":[\"" + DemoUsers.SOPHIE.userId() + "\"]}", "agreedBy[0]"),
                Map.entry("{\"statement\":\"Swim\",\"agreedBy\":[\"" + theo + "\"],\"targetDate\":\"" + today.minusDays(1) + "\"}", "targetDate"),
                Map.entry("{\"statement\":\"Swim\",\"agreedBy\":[\"" + theo + "\"],\"status\":\"achieved\"}", "status"));
        refused.forEach((body, field) -> as(DemoUsers.THEO).body(body).post(goals(clientId)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));

        Map<String, String> refusedChanges = Map.of(
                "{\"status\":\"finished\"}", "status",
                "{\"tasks\":[" + twentyOneTasks + "]}", "tasks",
                "{\"targetDate\":\"" + today.minusDays(1) + "\"}", "targetDate",
                "{\"statement\":\"Climb a mountain\"}", "statement");
        refusedChanges.forEach((body, field) -> as(DemoUsers.THEO).body(body).patch(goal).then().statusCode(400)
                .body("errors.field", hasItem(field)));

        Map<String, String> refusedProgress = Map.of(
                "{\"note\":\"Good week\",\"progressPercent\":101}", "progressPercent",
                "{\"note\":\"Good week\",\"progressPercent\":-1}", "progressPercent",
                "{\"progressPercent\":50}", "note",
                "{\"note\":\"" + "n".repeat(2001) + "\"}", "note",
                "{\"note\":\"Good week\",\"notedOn\":\"" + today.plusDays(1) + "\"}", "notedOn",
                "{\"note\":\"Good week\",\"notedOn\":\"" + today.minusDays(3) + "\"}", "notedOn");
        refusedProgress.forEach((body, field) -> as(DemoUsers.THEO).body(body).post(goal + "/progress").then().statusCode(400)
                .body("errors.field", hasItem(field)));

        // A goal of another client cannot be reached through this client's path.
        String othersGoal = setGoal(otherClient, "Cook a curry");
        as(DemoUsers.THEO).get(goals(clientId) + "/" + othersGoal).then().statusCode(404);
        as(DemoUsers.THEO).body("{\"status\":\"withdrawn\"}").patch(goals(clientId) + "/" + othersGoal).then().statusCode(404);

        as(DemoUsers.THEO).get(goals(clientId)).then().statusCode(200).body("id", equalTo(List.of(goalId)))
                .body("[0].status", equalTo("active"))
                .body("[0].tasks", equalTo(List.of("Stretches every morning")))
                .body("[0].progress", hasSize(0))
                .body("[0].version", equalTo(0));
        assertEquals(1, outboxEvents(clientId, "rapport.goal.set.v1"));
        assertEquals(0, outboxEvents(clientId, "rapport.goal.updated.v1"));
    }

    @Test
    void outsidersGetA404WithNothingInIt() {
        String clientId = registerClient(DemoUsers.ALICE, "Quin");
        String goalId = as(DemoUsers.ALICE).body("{\"statement\":\"Return to work part-time\",\"agreedBy\":[\""
                + DemoUsers.ALICE.userId() + "\"]}").post(goals(clientId)).then().statusCode(201).extract().path("id");

        // Another team's case manager, a therapist and a support worker not in this client's circle, a firm not on the case.
        for (var outsider : List.of(DemoUsers.BILAL, DemoUsers.THEO, DemoUsers.SAM, DemoUsers.SOPHIE)) {
            as(outsider).get(goals(clientId)).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body(not(containsString("Return to work")));
            as(outsider).get(goals(clientId) + "/" + goalId).then().statusCode(404)
                    .body(not(containsString("Return to work")));
        }
        as(DemoUsers.BILAL).body("{\"statement\":\"x\",\"agreedBy\":[\"" + DemoUsers.BILAL.userId() + "\"]}")
                .post(goals(clientId)).then().statusCode(404);
        as(DemoUsers.BILAL).body("{\"status\":\"withdrawn\"}").patch(goals(clientId) + "/" + goalId).then().statusCode(404);
        as(DemoUsers.OMAR).get(goals(clientId)).then().statusCode(403);
        as(DemoUsers.ALICE).get(goals(clientId) + "/" + UUID.randomUUID()).then().statusCode(404);
        as(DemoUsers.ALICE).get(goals(clientId)).then().body("[0].status", equalTo("active"));
    }

    @Test
    void readsAndWritesOfGoalsAreAudited() {
        String clientId = clientWithCareTeam("Rae");
        String goalId = setGoal(clientId, "Play five-a-side");
        as(DemoUsers.SAM).get(goals(clientId) + "/" + goalId).then().statusCode(200);
        as(DemoUsers.ALICE).body("{\"note\":\"Kicked a ball about\"}").post(goals(clientId) + "/" + goalId + "/progress")
                .then().statusCode(201);
        as(DemoUsers.BILAL).get(goals(clientId)).then().statusCode(404);

        List<AuditEntry> entries = audit(clientId).stream().filter(e -> e.resource.equals("goals")).toList();
        assertEquals(List.of("write:" + DemoUsers.THEO.userId() + ":care-circle:therapist",
                        "read:" + DemoUsers.SAM.userId() + ":care-circle:support-worker",
                        "write:" + DemoUsers.ALICE.userId() + ":care-circle:case-manager"),
                entries.stream().map(e -> e.action + ":" + e.actorId + ":" + e.basis).toList());
    }
}
