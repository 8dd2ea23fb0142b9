package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A client who fills in both CORE-10 (a symptom measure: higher is worse, with published bands) and Rapport's session
 * alliance check gets two separate series on their record,
 * each score with what it means; the same meaning comes with the recorded response and the caseload's latest rating.
 */
@QuarkusTest
class ScoreMeaningTest {

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

    /** A CORE-10 with {@code total} spread over the items 1 and 4–10 (items 2 and 3 are reversed and answered 4: 0). */
    private static JsonPath core10(UUID client, int total) {
        Map<String, Integer> answers = new HashMap<>();
        int left = total;
        for (int i = 1; i <= 10; i++) {
            boolean reversed = i == 2 || i == 3;
            int answer = reversed ? 4 : Math.min(4, left);
            left -= reversed ? 0 : answer;
            answers.put(String.valueOf(i), answer);
        }
        return as(DemoUsers.THEO).body(Map.of("measureId", "core-10", "answers", answers))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void symptomAndAllianceScoresTravelInSeparateSeriesWithTheirOwnMeaning() {
        importCore10Wording();
        UUID client = Api.northClient();
        JsonPath recorded = core10(client, 16);
        assertEquals(16f, recorded.getFloat("total"));
        assertEquals("outcome", recorded.getString("purpose"));
        assertEquals("higher-is-worse", recorded.getString("direction"));
        assertEquals(true, recorded.getBoolean("validated"));
        assertEquals("moderate", recorded.getString("band.code"));
        assertEquals(true, recorded.getBoolean("inConcernRange"), "16 is at or above the CORE-10 cut-off of 11");
        core10(client, 12);
        core10(client, 7);
        // One rating of the session check: with more client ratings on CORE-10, the chart once drew CORE-10 as the alliance.
        JsonPath check = Api.allianceTotal(client, DemoUsers.THEO, 33).statusCode(201).extract().jsonPath();
        assertEquals("alliance", check.getString("purpose"));
        assertEquals("higher-is-better", check.getString("direction"));
        assertEquals(false, check.getBoolean("validated"));
        assertNull(check.get("band"));
        Api.reflection(DemoUsers.THEO, client, 7).statusCode(201);

        JsonPath trend = as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .extract().jsonPath();
        String pair = "pairs.find { it.professionalId == '" + DemoUsers.THEO.userId() + "' }";
        assertEquals(List.of("rapport-session-alliance-check"), trend.getList(pair + ".clientRatings.measureId"));
        assertEquals(List.of("alliance"), trend.getList(pair + ".clientRatings.purpose"));
        assertEquals(List.of("higher-is-better"), trend.getList(pair + ".clientRatings.direction"));
        assertEquals(List.of(false), trend.getList(pair + ".clientRatings.validated"));
        assertEquals(List.of("core-10", "core-10", "core-10"), trend.getList(pair + ".outcomes.measureId"));
        assertEquals(List.of("higher-is-worse", "higher-is-worse", "higher-is-worse"), trend.getList(pair + ".outcomes.direction"));
        assertEquals(List.of("moderate", "mild", "low"), trend.getList(pair + ".outcomes.band.code"));
        assertEquals(List.of(true, true, false), trend.getList(pair + ".outcomes.inConcernRange"));
        assertEquals(List.of(11f, 11f, 11f), trend.getList(pair + ".outcomes.cutOff"));
        assertEquals(List.of("practitioner-check-in"), trend.getList(pair + ".professionalCheckIns.purpose"));

        JsonPath caseload = as(DemoUsers.ALICE).get("/api/v1/alliance/caseload").then().statusCode(200).extract().jsonPath();
        String latest = "clients.find { it.clientId == '" + client + "' }." + pair;
        assertEquals("rapport-session-alliance-check", caseload.getString(latest + ".latestMeasureId"));
        assertEquals(33f, caseload.getFloat(latest + ".latestTotal"), "the alliance rating, never a CORE-10 total");
        assertEquals("higher-is-better", caseload.getString(latest + ".latestMeaning.direction"));
        assertEquals(false, caseload.getBoolean(latest + ".latestMeaning.validated"));

        JsonPath measures = as(DemoUsers.ALICE).get("/api/v1/alliance/measures").then().statusCode(200).extract().jsonPath();
        assertEquals("higher-is-worse", measures.getString("find { it.id == 'phq-9' }.direction"));
        assertEquals(List.of(0, 5, 10, 15, 20), measures.getList("find { it.id == 'phq-9' }.severityBands.from"));
        assertEquals(List.of(), measures.getList("find { it.id == 'srs' }.severityBands"));
    }
}
