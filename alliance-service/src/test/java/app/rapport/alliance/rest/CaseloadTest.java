package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotal;
import static app.rapport.alliance.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caseload view: each client's alliance status, and rupture and repair figures that add up. */
@QuarkusTest
class CaseloadTest {

    private static String find(UUID client) {
        return "clients.find { it.clientId == '" + client + "' }";
    }

    @Test
    void showsEachClientsStatusToTheirCaseManagerAndTeamLeadOnly() {
        UUID steady = Api.northClient();
        allianceTotal(steady, DemoUsers.THEO, 36).statusCode(201);
        // Every measured pair counts for overdue feedback: the case manager's relationship is rated too.
        Api.allianceCheck(DemoUsers.ALICE, steady, DemoUsers.ALICE, 9, 9, 9, 9).statusCode(201);
        UUID ruptured = Api.northClient();
        allianceTotal(ruptured, DemoUsers.THEO, 36).statusCode(201);
        String episode = allianceTotal(ruptured, DemoUsers.THEO, 20).statusCode(201).extract().path("episodeId");
        UUID silent = Api.northClient();
        UUID repaired = Api.northClient();
        allianceTotal(repaired, DemoUsers.THEO, 36).statusCode(201);
        String repairedEpisode = allianceTotal(repaired, DemoUsers.THEO, 22).statusCode(201).extract().path("episodeId");
        String base = "/api/v1/alliance/clients/" + repaired + "/episodes/" + repairedEpisode;
        as(DemoUsers.THEO).post(base + "/acknowledge").then().statusCode(200);
        as(DemoUsers.THEO).body(Map.of("strategy", "clarify-rationale")).post(base + "/repairs").then().statusCode(201);
        allianceTotal(repaired, DemoUsers.THEO, 35).statusCode(201).body("episodeResolved", equalTo(true));

        JsonPath view = as(DemoUsers.ALICE).get("/api/v1/alliance/caseload").then().statusCode(200).extract().jsonPath();
        assertEquals("steady", view.getString(find(steady) + ".status"));
        assertEquals("rupture-open", view.getString(find(ruptured) + ".status"));
        assertEquals(1, view.getInt(find(ruptured) + ".openEpisodes"));
        assertEquals("no-feedback", view.getString(find(silent) + ".status"));
        assertTrue(view.getBoolean(find(silent) + ".feedbackOverdue"));
        assertFalse(view.getBoolean(find(steady) + ".feedbackOverdue"));
        assertTrue(view.getBoolean(find(ruptured) + ".feedbackOverdue"), "alice's own pair with this client has no rating");
        assertEquals("steady", view.getString(find(repaired) + ".status"));
        Map<String, Object> theoOnRuptured = view.getMap(find(ruptured) + ".pairs.find { it.professionalId == '"
                + DemoUsers.THEO.userId() + "' }");
        assertEquals(20.0f, theoOnRuptured.get("latestTotal"));
        assertEquals(true, theoOnRuptured.get("latestInConcernRange"));
        assertNotNull(episode);

        // The summary adds up over every client on the caseload.
        List<Map<String, Object>> pairs = view.getList("clients.pairs.flatten()");
        long ruptures = pairs.stream().mapToLong(p -> ((Number) p.get("episodes")).longValue()).sum();
        long repairedCount = pairs.stream().mapToLong(p -> ((Number) p.get("repairedEpisodes")).longValue()).sum();
        assertEquals(ruptures, view.getLong("summary.ruptures"));
        assertEquals(repairedCount, view.getLong("summary.repaired"));
        assertEquals(view.getList("clients").size(), view.getInt("summary.clients"));
        assertEquals((double) repairedCount / ruptures, view.getDouble("summary.repairRate"), 1e-6);
        assertNotNull(view.get("summary.medianDaysToRepair"), "at least one resolved episode");

        as(DemoUsers.TARA).get("/api/v1/alliance/caseload").then().statusCode(200)
                .body("clients.clientId", hasItem(ruptured.toString()));
        as(DemoUsers.BILAL).get("/api/v1/alliance/caseload").then().statusCode(200)
                .body("clients.clientId", not(hasItem(ruptured.toString())));
        as(DemoUsers.THEO).get("/api/v1/alliance/caseload").then().statusCode(403);
        as(DemoUsers.SOPHIE).get("/api/v1/alliance/caseload").then().statusCode(403);
    }

    @Test
    void theMeasureCatalogueShowsWhatCanBeSent() {
        JsonPath measures = as(DemoUsers.THEO).get("/api/v1/alliance/measures").then().statusCode(200).extract().jsonPath();
        assertEquals(8, measures.getList("").size());
        assertTrue(measures.getBoolean("find { it.id == 'rapport-session-alliance-check' }.hasWording"));
        assertFalse(measures.getBoolean("find { it.id == 'wai-sr' }.hasWording"));
        assertFalse(measures.getBoolean("find { it.id == 'rapport-reflective-check-in' }.validated"));
        as(DemoUsers.THEO).get("/api/v1/alliance/measures/core-10").then().statusCode(200)
                .body("items.size()", equalTo(10)).body("items.findAll { it.reversed }.linkId", equalTo(List.of("2", "3")));
        as(DemoUsers.THEO).get("/api/v1/alliance/measures/nope").then().statusCode(404);
        as(DemoUsers.SOPHIE).get("/api/v1/alliance/measures").then().statusCode(403);
    }
}
