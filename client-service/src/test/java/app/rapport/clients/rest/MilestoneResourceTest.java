package app.rapport.clients.rest;

import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.LitigationMilestone;
import app.rapport.clients.domain.LitigationStage;
import app.rapport.clients.service.cases.MilestoneRequest;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.litigation.MilestoneRecorded;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.OTHER_FIRM_SOLICITOR;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.firmActs;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.publishedEvents;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MilestoneResourceTest {

    private static final TokenSpec HARTLEY_SYSTEM = TokenSpec.of(DemoUsers.SOPHIE).withRoles("solicitor-system");

    private static String milestones(String clientId) {
        return "/api/v1/clients/" + clientId + "/case/milestones";
    }

    private static String milestone(String kind, LocalDate occurredOn, LocalDate dueOn, String note) {
        return "{\"kind\":\"" + kind + "\",\"occurredOn\":\"" + occurredOn + "\""
                + (dueOn == null ? "" : ",\"dueOn\":\"" + dueOn + "\"")
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static LitigationStage stageOf(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ClientCase.of(UUID.fromString(clientId)).orElseThrow().litigationStage);
    }

    private static long milestoneCount(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> LitigationMilestone.count("clientId", UUID.fromString(clientId)));
    }

    @Test
    void theFirmsSystemRecordsATrialDateAndTheClaimIsListed() {
        String id = registerWithAlice("Vera", "Oyelaran");
        firmActs(id, "proceedings-issued");
        LocalDate setOn = CareDays.today().minusDays(3);
        LocalDate trial = CareDays.today().plusMonths(5);

        var created = as(HARTLEY_SYSTEM).body(milestone("trial-date-set", setOn, trial, "Listed at Leeds County Court"))
                .post(milestones(id)).then().statusCode(201)
                .body("kind", equalTo("trial-date-set"))
                .body("dueOn", equalTo(trial.toString()))
                .body("firmId", equalTo(DemoUsers.LAW_FIRM))
                .body("recordedBy", equalTo(DemoUsers.SOPHIE.userId()))
                .extract();
        String milestoneId = created.path("id");
        assertEquals(LitigationStage.TRIAL_LISTED, stageOf(id));

        as(DemoUsers.TARA).get(java.net.URI.create(created.header("Location")).getPath()).then().statusCode(200).body("id", equalTo(milestoneId));
        // A milestone id only opens under its own client.
        String otherClient = registerWithAlice("Walt", "Other");
        as(DemoUsers.ALICE).get(milestones(otherClient) + "/" + milestoneId).then().statusCode(404);

        as(DemoUsers.ALICE).get(milestones(id)).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(milestoneId))
                .body("[0].note", equalTo("Listed at Leeds County Court"));
        as(DemoUsers.SOPHIE).get(milestones(id)).then().statusCode(200).body("$", hasSize(1));

        EventEnvelope event = publishedEvents(id, EventType.LITIGATION_MILESTONE_RECORDED, 1).get(0);
        MilestoneRecorded data = event.dataAs(MilestoneRecorded.class);
        assertEquals(UUID.fromString(milestoneId), data.milestoneId());
        assertEquals("trial-date-set", data.kind());
        assertEquals(trial, data.dueOn());
        assertEquals(DemoUsers.LAW_FIRM, data.firmId());
        assertEquals(-1, event.data().toString().indexOf("Leeds"), "the free-text note stays out of events");
        assertEquals(1, auditEntries(id, DemoUsers.SOPHIE.userId(), "write", "litigation-milestone"));
    }

    @Test
    void milestonesMoveTheClaimOnAndSettlementEndsTheLegalHold() {
        String id = registerWithAlice("Wiktor", "Zielinski");
        firmActs(id, "pre-action");
        LocalDate day = CareDays.today().minusDays(30);

        as(DemoUsers.SOPHIE).body(milestone("proceedings-issued", day, null, null)).post(milestones(id)).then().statusCode(201);
        assertEquals(LitigationStage.PROCEEDINGS_ISSUED, stageOf(id));
        // Kinds that are not stages leave the stage alone.
        as(DemoUsers.SOPHIE).body(milestone("interim-payment", day.plusDays(1), null, null)).post(milestones(id)).then().statusCode(201);
        assertEquals(LitigationStage.PROCEEDINGS_ISSUED, stageOf(id));
        as(DemoUsers.ALICE).body(milestone("settlement", day.plusDays(2), null, null)).post(milestones(id)).then().statusCode(201);
        assertEquals(LitigationStage.SETTLED, stageOf(id));
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/case").then().body("legalHold", equalTo(false));
        as(DemoUsers.SOPHIE).body(milestone("case-closed", day.plusDays(3), null, null)).post(milestones(id)).then().statusCode(201);
        assertEquals(LitigationStage.CONCLUDED, stageOf(id));

        // A closed claim does not silently reopen.
        as(DemoUsers.SOPHIE).body(milestone("trial-date-set", day.plusDays(4), day.plusDays(90), null)).post(milestones(id))
                .then().statusCode(409).body("type", equalTo("urn:rapport:problem:litigation-closed"));
        assertEquals(LitigationStage.CONCLUDED, stageOf(id));

        as(DemoUsers.ALICE).get(milestones(id)).then().statusCode(200)
                .body("kind", equalTo(List.of("case-closed", "settlement", "interim-payment", "proceedings-issued")));
        assertEquals(4, outboxEvents(id, EventType.LITIGATION_MILESTONE_RECORDED));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyRecordsOnce() {
        String id = registerWithAlice("Xenia", "Petrova");
        firmActs(id, "pre-action");
        String body = milestone("liability-admitted", CareDays.today().minusDays(1), null, "Admitted in the defence");
        String key = "hs-" + UUID.randomUUID();

        String first = as(HARTLEY_SYSTEM).header("Idempotency-Key", key).body(body).post(milestones(id))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String retried = as(HARTLEY_SYSTEM).header("Idempotency-Key", key).body(body).post(milestones(id))
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("note", equalTo("Admitted in the defence")).extract().path("id");
        assertEquals(first, retried);
        assertEquals(1, milestoneCount(id));
        assertEquals(1, outboxEvents(id, EventType.LITIGATION_MILESTONE_RECORDED));

        // Same key, different request: a bug on the caller's side, refused and not recorded.
        as(HARTLEY_SYSTEM).header("Idempotency-Key", key)
                .body(milestone("liability-denied", CareDays.today().minusDays(1), null, null)).post(milestones(id))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:idempotency-key-reused"));
        // A new key is a new milestone.
        as(HARTLEY_SYSTEM).header("Idempotency-Key", key + "-2").body(body).post(milestones(id)).then().statusCode(201);
        assertEquals(2, milestoneCount(id));

        as(HARTLEY_SYSTEM).header("Idempotency-Key", "has spaces").body(body).post(milestones(id))
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(2, milestoneCount(id));
        publishedEvents(id, EventType.LITIGATION_MILESTONE_RECORDED, 2);
    }

    @Test
    void simultaneousRetriesWithOneKeyStillRecordOnce() throws Exception {
        String id = registerWithAlice("Yara", "Khalil");
        firmActs(id, "pre-action");
        String body = milestone("interim-payment", CareDays.today().minusDays(2), null, null);
        String key = "hs-" + UUID.randomUUID();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as(HARTLEY_SYSTEM).header("Idempotency-Key", key).body(body)
                        .post(milestones(id)).then().statusCode(201).extract().<String>path("id")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size(), "every retry answers with the same milestone");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, milestoneCount(id));
        assertEquals(1, outboxEvents(id, EventType.LITIGATION_MILESTONE_RECORDED));
    }

    @Test
    void badMilestonesAreNamedAndNothingIsWritten() {
        String id = registerWithAlice("Yusuf", "Demir");
        firmActs(id, "pre-action");
        long auditBefore = auditEntries(id);
        LocalDate today = CareDays.today();

        expectFieldError(id, milestone("appeal-lodged", today, null, null), "kind");
        expectFieldError(id, "{\"kind\":\"other\"}", "occurredOn");
        expectFieldError(id, milestone("other", today.plusDays(2), null, null), "occurredOn");
        expectFieldError(id, milestone("trial-date-set", today.minusDays(1), null, null), "dueOn");
        expectFieldError(id, milestone("trial-date-set", today.minusDays(1), today.minusDays(5), null), "dueOn");
        expectFieldError(id, milestone("other", today, null, "x".repeat(1001)), "note");
        expectFieldError(id, "{\"kind\":\"other\",\"occurredOn\":\"" + today + "\",\"recordedBy\":\"someone\"}", "recordedBy");

        assertEquals(0, milestoneCount(id));
        assertEquals(0, outboxEvents(id, EventType.LITIGATION_MILESTONE_RECORDED));
        assertEquals(auditBefore, auditEntries(id));
        assertEquals(LitigationStage.PRE_ACTION, stageOf(id));
    }

    @Test
    void noFirmOnTheCaseMeansNoClaimToRecordAgainst() {
        String id = registerWithAlice("Zara", "Iqbal");
        as(DemoUsers.ALICE).body(milestone("other", CareDays.today(), null, null)).post(milestones(id))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:no-litigation"))
                .body("detail", containsString("firm"));
        assertEquals(0, milestoneCount(id));
    }

    @Test
    void onlyTheFirmOnTheCaseAndTheCaseTeamMayRecord() {
        String id = registerWithAlice("Aiko", "Tanaka");
        firmActs(id, "pre-action");
        String body = milestone("other", CareDays.today(), null, "Secret strategy");

        as(OTHER_FIRM_SOLICITOR).body(body).post(milestones(id)).then().statusCode(404).body(not(containsString("Aiko")));
        as(OTHER_FIRM_SOLICITOR).get(milestones(id)).then().statusCode(404);
        as(TokenSpec.of(OTHER_FIRM_SOLICITOR).withRoles("solicitor-system")).body(body).post(milestones(id))
                .then().statusCode(404);
        as(DemoUsers.BILAL).body(body).post(milestones(id)).then().statusCode(404);
        // The organisation's admin has no business with litigation.
        as(DemoUsers.OMAR).body(body).post(milestones(id)).then().statusCode(403);
        assertEquals(0, milestoneCount(id));
    }

    @Test
    void theRequestPatternListsExactlyTheContractsKinds() {
        assertEquals(MilestoneRecorded.KINDS, List.of(MilestoneRequest.KIND_PATTERN.split("\\|")));
    }

    private static void expectFieldError(String id, String body, String field) {
        as(DemoUsers.SOPHIE).body(body).post(milestones(id)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
