package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Measure answers are whole numbers as written: 2.5, "2", true, null, a key given twice, malformed text
 * are each a 400 naming the field, in session and through the public link; a refused submission does
 * not use the link up, and nothing is recorded.
 */
@QuarkusTest
class StrictAnswersTest {

    private static final Pattern INTERNALS = Pattern.compile("app\\.rapport|java\\.|jakarta\\.|com\\.fasterxml|org\\.hibernate|SQL|Exception");

    /** Answers objects that must be refused, each with the field the problem names. */
    private static final List<Map.Entry<String, String>> BAD_ANSWERS = List.of(
            Map.entry("{\"bond\":2.5,\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":8.0,\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":8e0,\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":\"2\",\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":true,\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":8,\"bond\":2,\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"),
            Map.entry("{\"bond\":8,\"goals\":7,\"approach\":9,\"overall\":8,\"overall\":0}", "answers.overall"),
            Map.entry("{\"bond\\ud800\":8,\"goals\":7,\"approach\":9,\"overall\":8}", "answers"),
            Map.entry("{\"bond\":[8],\"goals\":7,\"approach\":9,\"overall\":8}", "answers.bond"));

    private static String wrapped(String answers, String extra) {
        return "{" + extra + "\"answers\":" + answers + "}";
    }

    /** Answers whose first key holds a raw overlong UTF-8 sequence (C0 AF, an overlong '/'). */
    private static byte[] overlongKey(String extra) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{" + extra + "\"answers\":{\"bo").getBytes(StandardCharsets.UTF_8));
        body.write(0xC0);
        body.write(0xAF);
        body.writeBytes("nd\":8,\"goals\":7,\"approach\":9,\"overall\":8}}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void assertRefused(Response answer, String field) {
        answer.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
        assertFalse(INTERNALS.matcher(answer.asString()).find(), answer.asString());
    }

    @Test
    void inSessionAnswersAreReadExactlyAsWritten() {
        UUID client = Api.client(DemoUsers.ALICE, DemoUsers.THEO, "en");
        String url = "/api/v1/alliance/clients/" + client + "/responses";
        String measure = "\"measureId\":\"rapport-session-alliance-check\",";
        for (Map.Entry<String, String> bad : BAD_ANSWERS) {
            assertRefused(as(DemoUsers.THEO).body(wrapped(bad.getKey(), measure)).post(url), bad.getValue());
        }
        assertRefused(as(DemoUsers.THEO).body(overlongKey(measure)).post(url), "answers");
        // Text fields around the answers: a lone surrogate, an overlong byte sequence, a number for text.
        String good = "{\"bond\":8,\"goals\":7,\"approach\":9,\"overall\":8}";
        assertRefused(as(DemoUsers.THEO).body(wrapped(good, measure + "\"language\":\"en\\udc00\",")).post(url), "language");
        assertRefused(as(DemoUsers.THEO).body(wrapped(good, measure + "\"language\":5,")).post(url), "language");
        assertRefused(as(DemoUsers.THEO).body(wrapped(good, measure + "\"sessionId\":7,")).post(url), "sessionId");
        assertRefused(as(DemoUsers.THEO).body(wrapped(good, "\"measureId\":\"rapport-session-alliance-check\","
                + "\"measureId\":\"rapport-reflective-check-in\",")).post(url), "measureId");
        assertRefused(as(DemoUsers.THEO).body(wrapped(good, measure + "\"completedAt\":\"-999999999-01-01T00:00:00Z\",")).post(url),
                "completedAt");

        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .body("pairs.findAll { it.professionalId == '" + DemoUsers.THEO.userId() + "' }.clientRatings.flatten()", hasSize(0));
        as(DemoUsers.THEO).body(wrapped(good, measure)).post(url).then().statusCode(201);
    }

    @Test
    void aRefusedSubmissionThroughTheLinkLeavesItUsable() {
        UUID client = Api.client(DemoUsers.ALICE, DemoUsers.THEO, "en");
        String token = as(DemoUsers.THEO).body(Map.of()).post("/api/v1/alliance/clients/" + client + "/feedback-links")
                .then().statusCode(201).extract().jsonPath().getString("token");
        String url = "/api/v1/feedback/" + token;
        for (Map.Entry<String, String> bad : BAD_ANSWERS) {
            assertRefused(given().contentType(ContentType.JSON).body(wrapped(bad.getKey(), "")).post(url), bad.getValue());
            given().get(url).then().statusCode(200);
        }
        assertRefused(given().contentType(ContentType.JSON).body(overlongKey("")).post(url), "answers");
        assertRefused(given().contentType(ContentType.JSON)
                .body("{\"answers\":{\"bond\":8,\"goals\":7,\"approach\":9,\"overall\":8},\"answers\":{}}").post(url), "answers");

        given().get(url).then().statusCode(200);
        given().contentType(ContentType.JSON).body(wrapped("{\"bond\":8,\"goals\":7,\"approach\":9,\"overall\":8}", ""))
                .post(url).then().statusCode(201);
        given().get(url).then().statusCode(410);
        List<Number> totals = as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .extract().jsonPath().getList("pairs.find { it.professionalId == '" + DemoUsers.THEO.userId()
                        + "' }.clientRatings.total");
        assertEquals(1, totals.size(), "only the well-formed submission was recorded: " + totals);
        assertEquals(32, totals.get(0).intValue());
    }
}
