package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUsers;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local run's demo data loads through all four APIs, and its alliance stories (a V-shaped rupture
 * and repair, an unrepaired decline, a ceiling-vs-professional discrepancy, overdue feedback, a steady
 * alliance) show in the case manager's caseload view and the client's trend.
 * Runs last, so the demo's stream of events cannot disturb the other system tests' counts.
 */
@ExtendWith(SystemPlatform.class)
@Order(95)
class DemoDataSystemTest {

    @Test
    void theDemoAllianceStoriesShowInTheCaseloadView() throws Exception {
        Platform platform = SystemPlatform.platform();
        List<DemoAlliance.Story> stories = Demo.load(platform).stories();

        Map<String, String> clientOf = new HashMap<>();
        stories.forEach(story -> clientOf.putIfAbsent(story.story(), story.client().id())); // alice's come first
        String theo = DemoUsers.THEO.userId();
        String aliceToken = platform.issuer().tokenFor(DemoUsers.ALICE);
        var caseload = given().baseUri(platform.serviceUrl("alliance-service")).auth().oauth2(aliceToken)
                .contentType(ContentType.JSON).get("/api/v1/alliance/caseload").then().statusCode(200);
        String vShaped = "clients.find { it.clientId == '" + clientOf.get("v-shaped-repair") + "' }";
        String theosPair = ".pairs.find { it.professionalId == '" + theo + "' }";
        caseload.body(vShaped + ".status", equalTo("steady"))
                .body(vShaped + theosPair + ".repairedEpisodes", equalTo(1))
                .body(vShaped + theosPair + ".latestTotal", equalTo(36.0f))
                .body("clients.find { it.clientId == '" + clientOf.get("unrepaired-decline") + "' }.status", equalTo("rupture-open"))
                .body("clients.find { it.clientId == '" + clientOf.get("ceiling-vs-professional-low") + "' }.status",
                        equalTo("rupture-open"))
                .body("clients.find { it.clientId == '" + clientOf.get("feedback-overdue") + "' }.feedbackOverdue", equalTo(true))
                .body("clients.find { it.clientId == '" + clientOf.get("steady-strong") + "' }.openEpisodes", equalTo(0));

        var trendView = given().baseUri(platform.serviceUrl("alliance-service")).auth().oauth2(aliceToken)
                .get("/api/v1/alliance/clients/" + clientOf.get("v-shaped-repair") + "/trend").then().statusCode(200)
                .extract().jsonPath();
        String theosRatings = "pairs.find { it.professionalId == '" + theo + "' }.clientRatings";
        List<Float> trend = trendView.getList(theosRatings + ".total", Float.class);
        float lowest = trend.stream().min(Float::compare).orElseThrow();
        assertEquals(27f, lowest, "the V's low point");
        assertEquals(36f, trend.get(trend.size() - 1), "recovered to where it was");

        // The history is spread over the weeks of the sessions, a rating after each, not stamped with the loading time.
        List<Instant> dates = trendView.getList(theosRatings + ".at", String.class).stream().map(Instant::parse).toList();
        for (int i = 1; i < dates.size(); i++) {
            assertTrue(Duration.between(dates.get(i - 1), dates.get(i)).toDays() >= 6, "a week apart: " + dates);
        }
        assertTrue(Duration.between(dates.get(0), Instant.now()).toDays() >= 70, "ten weeks and more of history: " + dates);
        // So the episode lasted as long as it did: two weeks from the low rating to the recovery.
        var episode = given().baseUri(platform.serviceUrl("alliance-service")).auth().oauth2(aliceToken)
                .get("/api/v1/alliance/clients/" + clientOf.get("v-shaped-repair") + "/episodes").then().statusCode(200)
                .extract().jsonPath();
        long daysOpen = Duration.between(Instant.parse(episode.getString("[0].detectedAt")),
                Instant.parse(episode.getString("[0].endedAt"))).toDays();
        assertTrue(daysOpen >= 13 && daysOpen <= 15, "days to repair: " + daysOpen);
        caseload.body("summary.medianDaysToRepair", greaterThan(1.0f));
    }
}
