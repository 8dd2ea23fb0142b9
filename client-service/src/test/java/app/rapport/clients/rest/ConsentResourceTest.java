package app.rapport.clients.rest;

import app.rapport.platform.audit.AuditEntry;
import app.rapport.clients.domain.ConsentDecision;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.audit;
import static app.rapport.clients.support.Fixtures.caseWithFirm;
import static app.rapport.clients.support.Fixtures.consentRecords;
import static app.rapport.clients.support.Fixtures.endMembership;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.registerClient;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsentResourceTest {

    /** Per test, so that a run across midnight does not compare with yesterday. */
    private final LocalDate today = CareDays.today();

    private static String consentPath(String clientId) {
        return "/api/v1/clients/" + clientId + "/consent";
    }

    private static String decide(DemoUser who, String clientId, String body) {
        return as(who).body(body).post(consentPath(clientId)).then().statusCode(201).extract().path("id");
    }

    private static JsonPath consent(String clientId) {
        return as(DemoUsers.ALICE).get(consentPath(clientId)).then().statusCode(200).extract().jsonPath();
    }

    /** The line of {@code current} about one role (or member id) and category. */
    private static Map<String, Object> line(JsonPath consent, String recipient, String category) {
        List<Map<String, Object>> lines = consent.getList("current");
        return lines.stream()
                .filter(l -> category.equals(l.get("category"))
                        && (recipient.equals(l.get("recipientRole")) || recipient.equals(l.get("recipientMemberId"))))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + recipient + "/" + category));
    }

    @Test
    void aNewClientHasTheDefaultsNoHistoryAndTheStandardRetention() {
        String clientId = registerClient(DemoUsers.ALICE, "Ada");

        JsonPath consent = consent(clientId);
        assertEquals(List.of(), consent.getList("history"));
        assertEquals("P8Y", consent.getString("recordKeeping.retention"));
        assertEquals(Map.of("category", "goals", "recipientRole", "therapist", "decision", "granted", "basis", "default"),
                line(consent, "therapist", "goals"));
        assertEquals(Map.of("category", "goals", "recipientRole", "solicitor", "decision", "withdrawn", "basis", "default"),
                line(consent, "solicitor", "goals"));
        assertEquals("never-shared", line(consent, "solicitor", "alliance").get("basis"));
        assertEquals("withdrawn", line(consent, "solicitor", "alliance").get("decision"));
        // Case managers hold the record and are not a recipient of decisions.
        assertTrue(consent.getList("current.recipientRole").stream().noneMatch("case-manager"::equals));
        assertEquals(4 * 6, consent.getList("current").size());
    }

    @Test
    void decisionsAreKeptNewestFirstAndTheLatestDecides() {
        String clientId = registerClient(DemoUsers.ALICE, "Bo");

        String grant = decide(DemoUsers.ALICE, clientId,
                "{\"category\":\"schedule\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"effectiveUntil\":\""
                        + today.plusMonths(6) + "\",\"note\":\"Happy for Hartley to see my appointments\"}");
        JsonPath afterGrant = consent(clientId);
        assertEquals("granted", line(afterGrant, "solicitor", "schedule").get("decision"));
        assertEquals(grant, line(afterGrant, "solicitor", "schedule").get("consentId"));
        assertEquals(today.plusMonths(6).toString(), line(afterGrant, "solicitor", "schedule").get("effectiveUntil"));

        String withdrawal = as(DemoUsers.TARA).body("{\"category\":\"schedule\",\"recipientRole\":\"solicitor\",\"decision\":\"withdrawn\"}")
                .post(consentPath(clientId)).then().statusCode(201)
                .body("decision", equalTo("withdrawn"))
                .body("effectiveFrom", equalTo(today.toString()))
                .body("recordedBy", equalTo(DemoUsers.TARA.userId()))
                .extract().path("id");

        JsonPath afterWithdrawal = consent(clientId);
        assertEquals(List.of(withdrawal, grant), afterWithdrawal.getList("history.id"));
        assertEquals("Happy for Hartley to see my appointments", afterWithdrawal.getString("history[1].note"));
        assertEquals(Map.of("category", "schedule", "recipientRole", "solicitor", "decision", "withdrawn",
                "basis", "decision", "consentId", withdrawal), line(afterWithdrawal, "solicitor", "schedule"));
        assertEquals(2, consentRecords(clientId));
    }

    @Test
    void aGrantFromTomorrowDoesNotShareToday() {
        String clientId = registerClient(DemoUsers.ALICE, "Cem");
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"family\",\"decision\":\"granted\","
                + "\"effectiveFrom\":\"" + today.plusDays(1) + "\"}");

        JsonPath consent = consent(clientId);
        assertEquals(1, consent.getList("history").size());
        assertEquals("withdrawn", line(consent, "family", "goals").get("decision"));
        assertEquals("default", line(consent, "family", "goals").get("basis"));
    }

    @Test
    void aGrantThatHasRunOutSharesNothing() {
        String clientId = registerClient(DemoUsers.ALICE, "Cyd");
        caseWithFirm(clientId, DemoUsers.LAW_FIRM);
        // Recorded ten days ago for a week: the API refuses backdating, so the old decision goes straight in.
        UUID expired = QuarkusTransaction.requiringNew().call(() -> {
            ConsentRecord record = new ConsentRecord();
            record.id = UUID.randomUUID();
            record.clientId = UUID.fromString(clientId);
            record.category = DataCategory.GOALS;
            record.recipientRole = CareTeamRole.SOLICITOR;
            record.decision = ConsentDecision.GRANTED;
            record.effectiveFrom = today.minusDays(10);
            record.effectiveUntil = today.minusDays(3);
            record.recordedBy = DemoUsers.ALICE.userId();
            record.recordedAt = Instant.now().minus(Duration.ofDays(10));
            record.persist();
            return record.id;
        });

        assertEquals(Map.of("category", "goals", "recipientRole", "solicitor", "decision", "withdrawn", "basis", "expired",
                "consentId", expired.toString(), "effectiveUntil", today.minusDays(3).toString()),
                line(consent(clientId), "solicitor", "goals"));
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals").then().statusCode(403);

        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\"}");
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals").then().statusCode(200);
    }

    @Test
    void consentToGoalsOpensAndClosesThemToTheFirmsSolicitorAtOnce() {
        String clientId = registerClient(DemoUsers.ALICE, "Dara");
        caseWithFirm(clientId, DemoUsers.LAW_FIRM);
        String goalId = as(DemoUsers.ALICE).body("{\"statement\":\"Walk my daughter to school\",\"tasks\":[\"Walk 10 minutes daily\"],"
                        + "\"agreedBy\":[\"" + DemoUsers.ALICE.userId() + "\"]}")
                .post("/api/v1/clients/" + clientId + "/goals").then().statusCode(201).extract().path("id");
        as(DemoUsers.ALICE).body("{\"note\":\"Managed 8 minutes with a rest\",\"progressPercent\":30}")
                .post("/api/v1/clients/" + clientId + "/goals/" + goalId + "/progress").then().statusCode(201);

        // The firm's solicitor may see the client's name, but goals only with consent.
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId).then().statusCode(200);
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals").then().statusCode(403)
                .contentType("application/problem+json")
                .body(not(containsString("Walk my daughter")));

        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\"}");
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals").then().statusCode(200)
                .body("[0].statement", equalTo("Walk my daughter to school"))
                .body("[0].status", equalTo("active"))
                .body("[0]", not(hasKey("progress")))
                .body("[0]", not(hasKey("tasks")))
                .body("[0]", not(hasKey("progressPercent")))
                .body(not(containsString("8 minutes")));
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals/" + goalId).then().statusCode(200)
                .body("statement", equalTo("Walk my daughter to school"))
                .body("$", not(hasKey("progress")));

        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"withdrawn\"}");
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals").then().statusCode(403);
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + clientId + "/goals/" + goalId).then().statusCode(403);
    }

    @Test
    void aWithdrawalNarrowsASupportWorkerAndANamedGrantOutranksTheirRole() {
        String clientId = registerClient(DemoUsers.ALICE, "Eli");
        UUID sam = joinCareCircle(clientId, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        UUID theo = joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        String goals = "/api/v1/clients/" + clientId + "/goals";
        as(DemoUsers.SAM).get(goals).then().statusCode(200);

        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientMemberId\":\"" + sam + "\",\"decision\":\"withdrawn\"}");
        as(DemoUsers.SAM).get(goals).then().statusCode(403).body("detail", containsString("consented"));
        as(DemoUsers.THEO).get(goals).then().statusCode(200);
        // Only goals were withdrawn: the profile is still open to Sam.
        as(DemoUsers.SAM).get("/api/v1/clients/" + clientId).then().statusCode(200);

        JsonPath consent = consent(clientId);
        assertEquals("withdrawn", line(consent, sam.toString(), "goals").get("decision"));
        assertEquals("granted", line(consent, "support-worker", "goals").get("decision"));
        // Every member has their own lines, decided by default until a decision names them or their role.
        assertEquals(Map.of("category", "goals", "recipientMemberId", theo.toString(), "decision", "granted", "basis", "default"),
                line(consent, theo.toString(), "goals"));
        assertEquals("never-shared", line(consent, sam.toString(), "alliance").get("basis"));

        // A role-wide withdrawal, then a grant naming Sam: the named decision wins for Sam.
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"schedule\",\"recipientRole\":\"support-worker\",\"decision\":\"withdrawn\"}");
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"support-worker\",\"decision\":\"withdrawn\"}");
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientMemberId\":\"" + sam + "\",\"decision\":\"granted\"}");
        as(DemoUsers.SAM).get(goals).then().statusCode(200);
        JsonPath after = consent(clientId);
        assertEquals("withdrawn", line(after, "support-worker", "goals").get("decision"));
        assertEquals("granted", line(after, sam.toString(), "goals").get("decision"));
    }

    @Test
    void refusedDecisionsNameTheFieldAndWriteNothing() {
        String clientId = registerClient(DemoUsers.ALICE, "Fen");
        UUID sam = joinCareCircle(clientId, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        UUID theoLeft = joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        endMembership(theoLeft);
        String otherClient = registerClient(DemoUsers.ALICE, "Gil");
        UUID otherCirclesMember = joinCareCircle(otherClient, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);

        Map<String, String> refusedWith400 = Map.ofEntries(
                Map.entry("{\"category\":\"wellbeing\",\"recipientRole\":\"therapist\",\"decision\":\"granted\"}", "category"),
                Map.entry("{\"recipientRole\":\"therapist\",\"decision\":\"granted\"}", "category"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"therapist\",\"decision\":\"maybe\"}", "decision"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"neighbour\",\"decision\":\"granted\"}", "recipientRole"),
                Map.entry("{\"category\":\"goals\",\"decision\":\"granted\"}", "recipientMemberId"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"therapist\",\"recipientMemberId\":\"" + sam
                        + "\",\"decision\":\"granted\"}", "recipientRole"),
                Map.entry("{\"category\":\"goals\",\"recipientMemberId\":\"" + otherCirclesMember + "\",\"decision\":\"granted\"}",
                        "recipientMemberId"),
                Map.entry("{\"category\":\"goals\",\"recipientMemberId\":\"" + theoLeft + "\",\"decision\":\"granted\"}",
                        "recipientMemberId"),
                Map.entry("{\"category\":\"goals\",\"recipientMemberId\":\"" + UUID.randomUUID() + "\",\"decision\":\"granted\"}",
                        "recipientMemberId"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"effectiveFrom\":\""
                        + today.plusDays(10) + "\",\"effectiveUntil\":\"" + today.plusDays(9) + "\"}", "effectiveUntil"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"withdrawn\",\"effectiveUntil\":\""
                        + today.plusDays(9) + "\"}", "effectiveUntil"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"effectiveFrom\":\""
                        + today.minusDays(1) + "\"}", "effectiveFrom"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"effectiveFrom\":\""
                        + today.plusYears(3) + "\"}", "effectiveFrom"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"effectiveFrom\":\"31/12/2026\"}",
                        "effectiveFrom"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"recordedBy\":\"x\"}",
                        "recordedBy"),
                Map.entry("{\"category\":\"goals\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\",\"note\":\""
                        + "x".repeat(1001) + "\"}", "note"));
        refusedWith400.forEach((body, field) -> as(DemoUsers.ALICE).body(body).post(consentPath(clientId))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));

        as(DemoUsers.ALICE).body("{\"category\":\"alliance\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\"}")
                .post(consentPath(clientId)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:never-shared"))
                .body("detail", allOf(containsString("alliance data is never shared with solicitors"),
                        containsString("used against the client")));
        as(DemoUsers.ALICE).body("{\"category\":\"notes\",\"recipientRole\":\"family\",\"decision\":\"granted\"}")
                .post(consentPath(clientId)).then().statusCode(422).body("detail", containsString("family members"));
        as(DemoUsers.ALICE).body("{\"category\":\"alliance\",\"recipientMemberId\":\"" + sam + "\",\"decision\":\"granted\"}")
                .post(consentPath(clientId)).then().statusCode(422).body("detail", containsString("support workers"));
        as(DemoUsers.ALICE).body("{\"category\":\"goals\",\"recipientRole\":\"case-manager\",\"decision\":\"withdrawn\"}")
                .post(consentPath(clientId)).then().statusCode(422);

        assertEquals(0, consentRecords(clientId));
        assertEquals(List.of(), consent(clientId).getList("history"));
        assertEquals(0, outboxEvents(clientId, "rapport.consent.granted.v1"));
        assertEquals(0, outboxEvents(clientId, "rapport.consent.withdrawn.v1"));
    }

    @Test
    void theRecordKeepingAgreementIsStoredAndItsPeriodChecked() {
        String clientId = registerClient(DemoUsers.ALICE, "Hal");
        String path = consentPath(clientId) + "/record-keeping";

        as(DemoUsers.ALICE).body("{\"sharedWith\":\"My case team and my GP\",\"retention\":\"P10Y\",\"agreedOn\":\"" + today + "\"}")
                .put(path).then().statusCode(200)
                .body("retention", equalTo("P10Y"))
                .body("sharedWith", equalTo("My case team and my GP"));
        as(DemoUsers.ALICE).body("{\"sharedWith\":\"Only my case manager\",\"retention\":\"P0D\",\"agreedOn\":\"" + today + "\"}")
                .put(path).then().statusCode(200).body("retention", equalTo("P0D"));

        for (String bad : List.of("8 years", "PT5H", "P101Y", "P1201M", "P-1Y", "", "P99999999999Y")) {
            as(DemoUsers.ALICE).body("{\"sharedWith\":\"Everyone\",\"retention\":\"" + bad + "\",\"agreedOn\":\"" + today + "\"}")
                    .put(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("retention"));
        }
        as(DemoUsers.ALICE).body("{\"sharedWith\":\"Everyone\",\"retention\":\"P5Y\",\"agreedOn\":\"" + today.plusDays(1) + "\"}")
                .put(path).then().statusCode(400).body("errors.field", hasItem("agreedOn"));
        as(DemoUsers.ALICE).body("{\"sharedWith\":\"Everyone\",\"retention\":\"P5Y\"}")
                .put(path).then().statusCode(400).body("errors.field", hasItem("agreedOn"));

        JsonPath consent = consent(clientId);
        assertEquals("P0D", consent.getString("recordKeeping.retention"));
        assertEquals("Only my case manager", consent.getString("recordKeeping.sharedWith"));
        assertEquals(today.toString(), consent.getString("recordKeeping.agreedOn"));
    }

    @Test
    void theCareTeamReadsConsentOnlyTheCaseTeamChangesItAndOutsidersSeeNothing() {
        String clientId = registerClient(DemoUsers.ALICE, "Ines");
        joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        joinCareCircle(clientId, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        caseWithFirm(clientId, DemoUsers.LAW_FIRM);
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"schedule\",\"recipientRole\":\"family\",\"decision\":\"granted\","
                + "\"note\":\"My sister Noor may know my appointments\"}");
        String grant = "{\"category\":\"goals\",\"recipientRole\":\"family\",\"decision\":\"granted\"}";

        as(DemoUsers.THEO).get(consentPath(clientId)).then().statusCode(200).body("history", not(emptyIterable()));
        as(DemoUsers.SAM).get(consentPath(clientId)).then().statusCode(200);
        as(DemoUsers.THEO).body(grant).post(consentPath(clientId)).then().statusCode(403);
        // Solicitors see the name on the case, not the client's consent decisions.
        as(DemoUsers.SOPHIE).get(consentPath(clientId)).then().statusCode(403);

        // Another team's case manager: indistinguishable from a client that does not exist.
        as(DemoUsers.BILAL).get(consentPath(clientId)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Noor")))
                .body(not(containsString("schedule")));
        // The organisation's administrator exports and erases, but does not read consent through this API.
        as(DemoUsers.OMAR).get(consentPath(clientId)).then().statusCode(403).body(not(containsString("Noor")));
        as(DemoUsers.BILAL).body(grant).post(consentPath(clientId)).then().statusCode(404)
                .contentType("application/problem+json");
        as(DemoUsers.BILAL).body("{\"retention\":\"P1Y\",\"agreedOn\":\"" + today + "\"}")
                .put(consentPath(clientId) + "/record-keeping").then().statusCode(404);
        as(DemoUsers.ALICE).get(consentPath(UUID.randomUUID().toString())).then().statusCode(404);
        assertEquals(1, consentRecords(clientId));
    }

    @Test
    void readsAndWritesOfConsentAreAudited() {
        String clientId = registerClient(DemoUsers.ALICE, "Jon");
        decide(DemoUsers.ALICE, clientId, "{\"category\":\"goals\",\"recipientRole\":\"family\",\"decision\":\"granted\"}");
        as(DemoUsers.TARA).body("{\"retention\":\"P8Y\",\"agreedOn\":\"" + today + "\"}")
                .put(consentPath(clientId) + "/record-keeping").then().statusCode(200);
        consent(clientId);
        as(DemoUsers.BILAL).get(consentPath(clientId)).then().statusCode(404);

        List<AuditEntry> entries = audit(clientId).stream().filter(e -> e.resource.equals("consent")).toList();
        assertEquals(List.of("write:" + DemoUsers.ALICE.userId() + ":care-circle:case-manager",
                        "write:" + DemoUsers.TARA.userId() + ":team-lead:" + DemoUsers.TEAM_NORTH,
                        "read:" + DemoUsers.ALICE.userId() + ":care-circle:case-manager"),
                entries.stream().map(e -> e.action + ":" + e.actorId + ":" + e.basis).toList());
    }
}
