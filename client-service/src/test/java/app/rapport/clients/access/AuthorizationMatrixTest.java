package app.rapport.clients.access;

import app.rapport.clients.support.Fixtures;
import app.rapport.clients.support.DemoDirectory;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static app.rapport.clients.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every client endpoint × every relationship to the client × outsiders (not in the circle, another
 * team, another firm, another organisation). The expectations are written out here, from the
 * design's matrix, independently of the code's own table: allowed relationships get past the gate,
 * the others get 403, and outsiders get 404 (or 403 when their role never may) with nothing about
 * the client in the body.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Rel { CASE_MANAGER, TEAM_LEAD, THERAPIST, SUPPORT_WORKER, SOLICITOR, ORG_ADMIN }

    private static final Set<Rel> CASE_TEAM = Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD);
    private static final Set<Rel> CIRCLE = Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST, Rel.SUPPORT_WORKER);

    /** One endpoint: how to call it, which login roles it admits at all, and which relationships it serves. */
    record Endpoint(String name, String method, String path, String body, Set<String> roles, Set<Rel> allowed) {
    }

    /** A caller: who they are, and their relationship to the client (null for outsiders). */
    record Caller(String name, String token, String role, Rel relationship) {
    }

    private static final DemoUser OTHER_FIRM_SOLICITOR = new DemoUser("eve", "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e10",
            "Eve Marsh", "eve@marsh-law.example", List.of("solicitor"), "org-marsh-law", List.of());
    private static final DemoUser OTHER_ORG_ADMIN = new DemoUser("olga", "6e7f8091-2b3c-4d4e-9f0a-1b2c3d4e5f11",
            "Olga Berg", "olga@elsewhere.example", List.of("org-admin"), "org-elsewhere", List.of());
    // Same team id as alice's team, but another organisation: team ids are only meaningful within an organisation.
    private static final DemoUser OTHER_ORG_CASE_MANAGER = new DemoUser("otto", "7f8091a2-3c4d-4e5f-a01b-2c3d4e5f6012",
            "Otto Lind", "otto@elsewhere.example", List.of("case-manager"), "org-elsewhere", List.of(DemoUsers.TEAM_NORTH));
    private static final DemoUser OTHER_ORG_TEAM_LEAD = new DemoUser("tess", "8091a2b3-4d5e-4f60-b12c-3d4e5f607113",
            "Tess Noor", "tess@elsewhere.example", List.of("team-lead"), "org-elsewhere", List.of(DemoUsers.TEAM_NORTH));

    private static final AtomicInteger CHECKS = new AtomicInteger();

    static List<Endpoint> endpoints() {
        String today = CareDays.today().toString();
        Set<String> circleRoles = Set.of("case-manager", "team-lead", "therapist", "support-worker");
        Set<String> caseTeamRoles = Set.of("case-manager", "team-lead");
        Set<String> withFirm = Set.of("case-manager", "team-lead", "therapist", "support-worker", "solicitor", "solicitor-system");
        Set<String> caseReaders = Set.of("case-manager", "team-lead", "therapist", "solicitor", "solicitor-system");
        return List.of(
                new Endpoint("read profile", "GET", "", null, withFirm,
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST, Rel.SUPPORT_WORKER, Rel.SOLICITOR)),
                new Endpoint("replace profile", "PUT", "", "{\"givenName\":\"Matrix\",\"familyName\":\"Quillfeather\"}",
                        caseTeamRoles, CASE_TEAM),
                new Endpoint("read care circle", "GET", "/care-circle", null, circleRoles, CIRCLE),
                new Endpoint("add to care circle", "POST", "/care-circle",
                        "{\"role\":\"family\",\"displayName\":\"Ada Quillfeather\",\"relationship\":\"aunt\"}", caseTeamRoles, CASE_TEAM),
                new Endpoint("end membership", "POST", "/care-circle/{member}/end", "{}", caseTeamRoles, CASE_TEAM),
                new Endpoint("read consent", "GET", "/consent", null, circleRoles, CIRCLE),
                new Endpoint("record consent", "POST", "/consent",
                        "{\"category\":\"schedule\",\"recipientRole\":\"solicitor\",\"decision\":\"granted\"}", caseTeamRoles, CASE_TEAM),
                new Endpoint("record-keeping agreement", "PUT", "/consent/record-keeping",
                        "{\"retention\":\"P8Y\",\"agreedOn\":\"" + today + "\"}", caseTeamRoles, CASE_TEAM),
                new Endpoint("list goals", "GET", "/goals", null, withFirm, CIRCLE),
                new Endpoint("read goal", "GET", "/goals/{goal}", null, withFirm, CIRCLE),
                new Endpoint("set goal", "POST", "/goals",
                        "{\"statement\":\"Walk to the shops\",\"agreedBy\":[\"" + DemoUsers.ALICE.userId() + "\"]}",
                        Set.of("case-manager", "team-lead", "therapist"), Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST)),
                new Endpoint("change goal", "PATCH", "/goals/{goal}", "{\"status\":\"on-hold\"}",
                        Set.of("case-manager", "team-lead", "therapist"), Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST)),
                new Endpoint("goal progress", "POST", "/goals/{goal}/progress", "{\"note\":\"Managed the stairs\"}",
                        Set.of("case-manager", "team-lead", "therapist"), Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST)),
                new Endpoint("read case", "GET", "/case", null, caseReaders,
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST, Rel.SOLICITOR)),
                new Endpoint("replace case", "PUT", "/case", caseBody(), caseTeamRoles, CASE_TEAM),
                new Endpoint("list milestones", "GET", "/case/milestones", null, caseReaders,
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.THERAPIST, Rel.SOLICITOR)),
                new Endpoint("record milestone", "POST", "/case/milestones",
                        "{\"kind\":\"interim-payment\",\"occurredOn\":\"" + today + "\"}",
                        Set.of("case-manager", "team-lead", "solicitor", "solicitor-system"),
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.SOLICITOR)),
                new Endpoint("discharge", "POST", "/discharge", "{\"ending\":\"planned\"}", caseTeamRoles, CASE_TEAM),
                new Endpoint("subject-access export", "GET", "/export", null, Set.of("case-manager", "team-lead", "org-admin"),
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.ORG_ADMIN)),
                new Endpoint("audit log", "GET", "/audit", null, Set.of("case-manager", "team-lead", "org-admin"),
                        Set.of(Rel.CASE_MANAGER, Rel.TEAM_LEAD, Rel.ORG_ADMIN)),
                new Endpoint("erasure", "POST", "/erasure", "{\"reason\":\"Client asked\"}", Set.of("case-manager", "org-admin"),
                        Set.of(Rel.CASE_MANAGER, Rel.ORG_ADMIN)));
    }

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        // Outsiders first: nothing they try may change the client before the insiders' turn.
        callers.add(outsider("case manager of another team", Tokens.of(DemoUsers.BILAL), "case-manager"));
        callers.add(outsider("therapist outside the circle", Tokens.of(DemoUsers.NADIA), "therapist"));
        callers.add(outsider("support worker outside the circle", Tokens.of(DemoUsers.KWAME), "support-worker"));
        callers.add(outsider("team lead of another team", Tokens.of(TokenSpec.of(DemoUsers.BILAL).withRoles("team-lead")), "team-lead"));
        callers.add(outsider("solicitor of another firm", Tokens.of(OTHER_FIRM_SOLICITOR), "solicitor"));
        callers.add(outsider("system of another firm", Tokens.of(TokenSpec.of(OTHER_FIRM_SOLICITOR).withRoles("solicitor-system")), "solicitor-system"));
        callers.add(outsider("admin of another organisation", Tokens.of(OTHER_ORG_ADMIN), "org-admin"));
        callers.add(outsider("case manager of another organisation", Tokens.of(OTHER_ORG_CASE_MANAGER), "case-manager"));
        callers.add(outsider("team lead of another organisation", Tokens.of(OTHER_ORG_TEAM_LEAD), "team-lead"));
        callers.add(new Caller("solicitor of the firm on the case", Tokens.of(DemoUsers.SOPHIE), "solicitor", Rel.SOLICITOR));
        callers.add(new Caller("support worker in the circle", Tokens.of(DemoUsers.SAM), "support-worker", Rel.SUPPORT_WORKER));
        callers.add(new Caller("therapist in the circle", Tokens.of(DemoUsers.THEO), "therapist", Rel.THERAPIST));
        callers.add(new Caller("admin of the organisation", Tokens.of(DemoUsers.OMAR), "org-admin", Rel.ORG_ADMIN));
        callers.add(new Caller("team lead of the client's team", Tokens.of(DemoUsers.TARA), "team-lead", Rel.TEAM_LEAD));
        callers.add(new Caller("the client's case manager", Tokens.of(DemoUsers.ALICE), "case-manager", Rel.CASE_MANAGER));
        return callers;
    }

    @TestFactory
    List<DynamicTest> everyEndpointForEveryRelationship() {
        DemoDirectory.ensureLoaded();
        List<Caller> callers = callers();
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> {
            Map<String, String> client = freshClient();
            String path = "/api/v1/clients/" + client.get("id") + endpoint.path()
                    .replace("{member}", client.get("member")).replace("{goal}", client.get("goal"));
            for (Caller caller : callers) {
                Response response = call(caller, endpoint, path);
                int status = response.statusCode();
                String who = endpoint.name() + " by " + caller.name() + ": " + response.asString();
                boolean roleAdmitted = endpoint.roles().contains(caller.role());
                if (caller.relationship() == null) {
                    assertEquals(roleAdmitted ? 404 : 403, status, who);
                    assertFalse(response.asString().contains("Quillfeather"), "no client data in the body: " + who);
                } else if (endpoint.allowed().contains(caller.relationship())) {
                    assertTrue(status < 500 && status != 401 && status != 403 && status != 404, who);
                } else {
                    assertEquals(403, status, who);
                }
                CHECKS.incrementAndGet();
            }
        })).toList();
    }

    @AfterAll
    static void report() {
        System.out.printf("Authorization matrix: %d endpoint x caller checks%n", CHECKS.get());
    }

    private static Response call(Caller caller, Endpoint endpoint, String path) {
        var request = given().auth().oauth2(caller.token()).contentType(ContentType.JSON);
        if (endpoint.body() != null) {
            request = request.body(endpoint.body());
        }
        return request.request(endpoint.method(), path);
    }

    private static Caller outsider(String name, String token, String role) {
        return new Caller(name, token, role, null);
    }

    /** A client with the whole cast: therapist, support worker, a family member, the firm on the case and a goal. */
    private static Map<String, String> freshClient() {
        UUID id = Fixtures.register(DemoUsers.ALICE, "Matrix", "Quillfeather");
        String base = "/api/v1/clients/" + id;
        Fixtures.addToCircle(DemoUsers.ALICE, id, DemoUsers.THEO, "therapist");
        Fixtures.addToCircle(DemoUsers.ALICE, id, DemoUsers.SAM, "support-worker");
        String member = as(DemoUsers.ALICE).body("{\"role\":\"family\",\"displayName\":\"Bo Quillfeather\",\"relationship\":\"son\"}")
                .post(base + "/care-circle").then().statusCode(201).extract().path("id");
        as(DemoUsers.ALICE).body(caseBody()).put(base + "/case").then().statusCode(200);
        String goal = as(DemoUsers.ALICE).body("{\"statement\":\"Cook a meal for my family\",\"agreedBy\":[\""
                + DemoUsers.THEO.userId() + "\"]}").post(base + "/goals").then().statusCode(201).extract().path("id");
        Map<String, String> client = new LinkedHashMap<>();
        client.put("id", id.toString());
        client.put("member", member);
        client.put("goal", goal);
        return client;
    }

    private static String caseBody() {
        return "{\"referralSource\":\"Insurer\",\"firmId\":\"" + DemoUsers.LAW_FIRM + "\",\"solicitorReference\":\"HS/M/1\","
                + "\"litigationStage\":\"pre-action\"}";
    }
}
