package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotal;
import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The caseload relates early alliance to outcome change (CORE-10 here), on the real database. Bilal's caseload is
 * used by no other test with responses, so its table can be checked exactly.
 */
@QuarkusTest
class CaseloadOutcomeTest {

    private static final DemoUser NADIA = DemoUsers.NADIA;

    private static void importCore10Wording() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            items.append(i > 1 ? "," : "").append("{\"linkId\":\"").append(i)
                    .append("\",\"type\":\"integer\",\"text\":\"Licensed wording of item ").append(i).append("\"}");
        }
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Questionnaire\",\"status\":\"active\",\"title\":\"CORE-10\",\"item\":[" + items + "]}")
                .put("/api/v1/alliance/measures/core-10/wording").then().statusCode(200);
    }

    /** A CORE-10 total of 10 × {@code score}: items 2 and 3 are reversed, so they are answered 4 − score. */
    private static void core10(UUID client, int score) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            answers.put(String.valueOf(i), i == 2 || i == 3 ? 4 - score : score);
        }
        as(NADIA).body(Map.of("measureId", "core-10", "answers", answers))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(201)
                .body("total", org.hamcrest.Matchers.equalTo(10f * score));
    }

    private static UUID client(int[] allianceTotals, int... core10Scores) {
        UUID client = Api.client(DemoUsers.BILAL, NADIA, null);
        for (int total : allianceTotals) {
            allianceTotal(client, NADIA, total).statusCode(201);
        }
        for (int score : core10Scores) {
            core10(client, score);
        }
        return client;
    }

    private static Map<String, Object> nadiasPair(JsonPath view, UUID client) {
        return view.getMap("clients.find { it.clientId == '" + client + "' }.pairs.find { it.professionalId == '"
                + NADIA.userId() + "' }");
    }

    @Test
    void earlyAllianceIsRelatedToReliableOutcomeChangePerPair() {
        importCore10Wording();
        // 36, 37, 38 of 40 → 90, 92.5, 95 % → 92.5 % (cut-off 75 %); CORE-10 30 → 10: 20 points down ≥ 6, improved.
        UUID strongImproved = client(new int[]{36, 37, 38}, 3, 1);
        // 35 × 3 → 87.5 %; CORE-10 20 → 20: no change.
        UUID strongSteady = client(new int[]{35, 35, 35}, 2, 2);
        // 20, 22, 24 → 50, 55, 60 % → 55 %; CORE-10 10 → 20: 10 points up, deteriorated.
        UUID weakWorse = client(new int[]{20, 22, 24}, 1, 2);
        // Two ratings are not yet an early alliance; one CORE-10 is not yet a change.
        UUID tooEarly = client(new int[]{36, 37}, 3, 1);
        UUID noChangeYet = client(new int[]{36, 36, 36}, 3);

        JsonPath view = as(DemoUsers.BILAL).get("/api/v1/alliance/caseload").then().statusCode(200).extract().jsonPath();
        Map<String, Object> improved = nadiasPair(view, strongImproved);
        assertEquals(92.5f, improved.get("earlyAlliancePercent"));
        assertEquals("at-or-above-cut-off", improved.get("earlyAlliance"));
        assertEquals("improved", improved.get("outcomeChange"));
        assertEquals(38.0f, improved.get("latestTotal"), "the latest alliance rating, not the later CORE-10 score");
        assertEquals("no-change", nadiasPair(view, strongSteady).get("outcomeChange"));
        Map<String, Object> worse = nadiasPair(view, weakWorse);
        assertEquals(55.0f, worse.get("earlyAlliancePercent"));
        assertEquals("below-cut-off", worse.get("earlyAlliance"));
        assertEquals("deteriorated", worse.get("outcomeChange"));
        assertNull(nadiasPair(view, tooEarly).get("earlyAlliance"));
        assertEquals("improved", nadiasPair(view, tooEarly).get("outcomeChange"));
        assertNull(nadiasPair(view, noChangeYet).get("outcomeChange"));

        assertEquals(3, view.getInt("outcomeLinkage.pairsLinked"));
        assertEquals(List.of(Map.of("earlyAlliance", "at-or-above-cut-off", "improved", 1, "noChange", 1, "deteriorated", 0),
                Map.of("earlyAlliance", "below-cut-off", "improved", 0, "noChange", 0, "deteriorated", 1)),
                view.getList("outcomeLinkage.groups"));
        assertEquals(1, view.getInt("outcomeLinkage.withoutEarlyAlliance"));
        assertEquals(1, view.getInt("outcomeLinkage.withoutOutcomeChange"));

        // Never shown to solicitors (nor to therapists, who have no caseload view); another team's lead sees none of it.
        as(DemoUsers.SOPHIE).get("/api/v1/alliance/caseload").then().statusCode(403);
        as(NADIA).get("/api/v1/alliance/caseload").then().statusCode(403);
        as(DemoUsers.TARA).get("/api/v1/alliance/caseload").then().statusCode(200)
                .body("clients.clientId", not(hasItem(strongImproved.toString())));
    }
}
