package app.rapport.sessions.privacy;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.testing.ClientDataCoverage;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.time.CareDays;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * session-service's part of the subject-access export: every table with client data is exported or excluded on
 * purpose, data in every covered table reaches the part, the part and the audit are served by the export's rule,
 * and the audit holds the service's own entries (note reads included), newest first.
 */
@QuarkusTest
class SubjectAccessPartTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ClientDataDefinition definition;

    @Test
    void everyTableWithClientDataIsExportedOrExcludedOnPurpose() {
        Set<String> withClientData = ClientDataCoverage.assertEveryTableAccountedFor(entityManager, definition);
        assertTrue(withClientData.containsAll(Set.of("session", "session_note", "session_professional")), "the catalogue is read");
    }

    @Test
    void dataInEveryCoveredTableIsInThePart() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        LocalDate day = CareDays.today().plusDays(400 + (int) (Math.random() * 200));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("first", session(client.id(), List.of(DemoUsers.THEO.userId()), day.atTime(6, 0), day.atTime(7, 0)));
        series.put("rrule", "FREQ=WEEKLY;COUNT=2");
        JsonPath booked = as(DemoUsers.ALICE).body(series).post("/api/v1/sessions/series").then().statusCode(201).extract().jsonPath();
        String sessionId = booked.getString("sessions[0].id");
        String note = "Part note " + UUID.randomUUID();
        as(DemoUsers.THEO).body(Map.of("text", note)).post("/api/v1/sessions/" + sessionId + "/notes").then().statusCode(201);
        as(DemoUsers.ALICE).get("/api/v1/sessions/" + sessionId + "/notes").then().statusCode(200);
        as(DemoUsers.ALICE).body(Map.of("clientId", client.id().toString(), "professionalId", DemoUsers.THEO.userId(),
                "sessionsAgreed", 6, "startsOn", day.toString())).post("/api/v1/sessions/contracts").then().statusCode(201);
        as(DemoUsers.THEO).post("/api/v1/sessions/calendar-feed").then().statusCode(201);

        JsonPath part = as(DemoUsers.ALICE).get(part(client.id())).then().statusCode(200).extract().jsonPath();
        assertEquals("session-service", part.getString("service"));
        for (ClientDataSection section : definition.sections()) {
            assertFalse(part.getList("sections." + section.name()).isEmpty(), "section " + section.name() + " has the seeded rows");
        }
        assertEquals(List.of(sessionId, booked.getString("sessions[1].id")), part.getList("sections.sessions.id"));
        assertEquals(List.of(DemoUsers.THEO.userId()), part.getList("sections.sessions[0].professionalIds"));
        assertEquals(List.of(booked.getString("id")), part.getList("sections.series.id"));
        assertEquals(List.of(note), part.getList("sections.notes.body"));
        assertEquals(List.of(6), part.getList("sections.contracts.sessions_agreed"));
        assertEquals(List.of(DemoUsers.THEO.userId()), part.getList("sections.calendarFeeds.professionalId"));
        assertFalse(part.prettify().contains("token_hash"), "no feed secret in the export");
        // The note read and this export are in the part's audit, each saying which service recorded it.
        List<String> audited = part.getList("audit.resource", String.class);
        assertTrue(audited.contains("session-notes:" + sessionId), "the note read is in the part's audit: " + audited);
        assertTrue(audited.contains("subject-access-export"), "so is this export: " + audited);
        assertEquals(Set.of("session-service"), Set.copyOf(part.getList("audit.service")));
    }

    private record Caller(String name, String token, int status) {
    }

    @Test
    void thePartAndTheAuditFollowTheExportsRule() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        DemoUser otherAdmin = new DemoUser("admin-elsewhere", UUID.randomUUID().toString(), "Admin Elsewhere",
                "admin@elsewhere.example", List.of("org-admin"), "org-elsewhere", List.of());
        List<Caller> callers = List.of(
                new Caller("case manager in the circle", Tokens.of(DemoUsers.ALICE), 200),
                new Caller("team lead of the client's team", Tokens.of(DemoUsers.TARA), 200),
                new Caller("admin of the client's organisation", Tokens.of(DemoUsers.OMAR), 200),
                new Caller("therapist in the circle", Tokens.of(TokenSpec.of(DemoUsers.THEO).withRoles("case-manager")), 403),
                new Caller("case manager outside the circle", Tokens.of(DemoUsers.BILAL), 404),
                new Caller("team lead of another team", Tokens.of(TokenSpec.of(DemoUsers.BILAL).withRoles("team-lead")), 404),
                new Caller("admin of another organisation", Tokens.of(otherAdmin), 404),
                new Caller("solicitor", Tokens.of(DemoUsers.SOPHIE), 403),
                new Caller("support worker", Tokens.of(DemoUsers.SAM), 403));
        for (String path : List.of(part(client.id()), part(client.id()) + "/audit")) {
            for (Caller caller : callers) {
                int status = given().auth().oauth2(caller.token()).accept(ContentType.JSON).get(path).then().extract().statusCode();
                assertEquals(caller.status(), status, caller.name() + " on " + path);
            }
            given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).get(part(UUID.randomUUID())).then().statusCode(404);
        }
    }

    @Test
    void theAuditIsServedNewestFirstUpToAMoment() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + client.id()).then().statusCode(200);
        JsonPath first = as(DemoUsers.ALICE).get(part(client.id()) + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getLong("total"), "the timeline read and this audit read: " + first.prettify());
        assertEquals(List.of("audit", "sessions"), first.getList("entries.resource"));
        String until = first.getString("entries[0].at");
        JsonPath again = as(DemoUsers.ALICE).get(part(client.id()) + "/audit?limit=1&until=" + until).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, again.getLong("total"), "entries after `until` (this read) are not counted");
        assertEquals(1, again.getList("entries").size());
        as(DemoUsers.ALICE).get(part(client.id()) + "/audit?until=yesterday").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("until"));
        as(DemoUsers.ALICE).get(part(client.id()) + "/audit?limit=0").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
    }

    private static String part(UUID clientId) {
        return "/api/v1/sessions/clients/" + clientId + "/subject-access";
    }
}
