package app.rapport.alliance.rest;

import app.rapport.alliance.fhir.FhirQuestionnaires;
import app.rapport.alliance.support.Api;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FHIR over the API: importing licensed wording unlocks a measure; responses export as QuestionnaireResponses. */
@QuarkusTest
class FhirEndpointsTest {

    private static String gad7Wording() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            items.append(i > 1 ? "," : "").append("{\"linkId\":\"").append(i)
                    .append("\",\"type\":\"integer\",\"text\":\"Licensed wording of item ").append(i).append("\"}");
        }
        return "{\"resourceType\":\"Questionnaire\",\"status\":\"active\",\"title\":\"GAD-7\",\"item\":[" + items + "]}";
    }

    @Test
    void importedWordingUnlocksAStructureOnlyMeasureForTheOrganisation() {
        UUID client = Api.northClient();
        Map<String, Object> body = Map.of("measureId", "gad-7", "answers",
                Map.of("1", 2, "2", 1, "3", 1, "4", 1, "5", 1, "6", 1, "7", 1));
        as(DemoUsers.THEO).body(body).post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(422);

        given().auth().oauth2(Tokens.of(DemoUsers.THEO)).contentType("application/fhir+json").body(gad7Wording())
                .put("/api/v1/alliance/measures/gad-7/wording").then().statusCode(403);
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).contentType("application/fhir+json")
                .body(gad7Wording().replace("\"linkId\":\"7\"", "\"linkId\":\"seven\""))
                .put("/api/v1/alliance/measures/gad-7/wording").then().statusCode(400).body("errors[0].field", equalTo("item"));
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).contentType("application/fhir+json").body(gad7Wording())
                .put("/api/v1/alliance/measures/gad-7/wording").then().statusCode(200)
                .body(containsString("Licensed wording of item 3"));

        // 2+1+1+1+1+1+1 = 8: caseness from 8
        as(DemoUsers.THEO).body(body).post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(201)
                .body("total", equalTo(8.0f)).body("inConcernRange", equalTo(true)).body("signals.size()", equalTo(0));
        String exported = as(DemoUsers.THEO).get("/api/v1/alliance/measures/gad-7/questionnaire").then().statusCode(200)
                .contentType(containsString("application/fhir+json")).extract().asString();
        assertEquals(7, FhirQuestionnaires.fromJson(exported).items().stream().filter(i -> !i.text().isEmpty()).count());
        // Rapport's own measures ship their wording and cannot be overwritten.
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).contentType("application/fhir+json").body(gad7Wording())
                .put("/api/v1/alliance/measures/rapport-session-alliance-check/wording").then().statusCode(409);
    }

    @Test
    void aResponseExportsAsAQuestionnaireResponseToThoseWhoMaySeeIt() {
        UUID client = Api.northClient();
        String responseId = Api.allianceCheck(DemoUsers.THEO, client, DemoUsers.THEO, 8, 7, 9, 6).statusCode(201)
                .extract().path("id");
        String path = "/api/v1/alliance/clients/" + client + "/responses/" + responseId + "/questionnaire-response";
        String json = as(DemoUsers.ALICE).get(path).then().statusCode(200).extract().asString();
        assertEquals(Map.of("bond", 8, "goals", 7, "approach", 9, "overall", 6), FhirQuestionnaires.answers(json));
        assertTrue(json.contains("urn:rapport:measure:rapport-session-alliance-check"));
        as(DemoUsers.NADIA).get(path).then().statusCode(404);
        as(DemoUsers.SOPHIE).get(path).then().statusCode(403);
    }
}
