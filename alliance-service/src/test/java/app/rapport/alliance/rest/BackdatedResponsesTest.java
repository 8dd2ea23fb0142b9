package app.rapport.alliance.rest;

import app.rapport.alliance.support.AllianceTopic;
import app.rapport.alliance.support.Api;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotalAt;
import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Responses a professional records after the session, with the time they were filled in: trends, the caseload and
 * the episodes are dated by that time, within bounds; a public link never takes one.
 */
@QuarkusTest
class BackdatedResponsesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aHistoryRecordedOldestFirstIsDatedWhenItHappenedInTrendCaseloadEpisodesAndEvents() {
        UUID client = Api.northClient();
        for (int[] rating : new int[][]{{36, 35}, {37, 28}, {36, 21}}) {
            allianceTotalAt(client, DemoUsers.THEO, rating[0], daysAgo(rating[1])).statusCode(201)
                    .body("recordedAt", equalTo(daysAgo(rating[1]).toString()));
        }
        String episodeId = allianceTotalAt(client, DemoUsers.THEO, 24, daysAgo(14)).statusCode(201)
                .body("signals.kind", containsInAnyOrder("below-cut-off", "drop-from-previous", "drop-from-baseline"))
                .extract().path("episodeId");
        String base = "/api/v1/alliance/clients/" + client;
        as(DemoUsers.THEO).post(base + "/episodes/" + episodeId + "/acknowledge").then().statusCode(200);
        allianceTotalAt(client, DemoUsers.THEO, 35, daysAgo(7)).statusCode(201).body("episodeResolved", equalTo(true));

        JsonPath trend = as(DemoUsers.ALICE).get(base + "/trend").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(daysAgo(35), daysAgo(28), daysAgo(21), daysAgo(14), daysAgo(7)).stream().map(Instant::toString).toList(),
                trend.getList("pairs.find { it.professionalId == '" + DemoUsers.THEO.userId() + "' }.clientRatings.at"));
        JsonPath episode = as(DemoUsers.ALICE).get(base + "/episodes").then().statusCode(200).extract().jsonPath();
        assertEquals(daysAgo(14).toString(), episode.getString("[0].detectedAt"));
        assertEquals(daysAgo(7).toString(), episode.getString("[0].endedAt"));
        as(DemoUsers.ALICE).get("/api/v1/alliance/caseload").then().statusCode(200)
                .body("clients.find { it.clientId == '" + client + "' }.lastFeedbackAt", equalTo(daysAgo(7).toString()));

        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rupture-resolved.v1") == 1);
        EventEnvelope resolved = events.stream().filter(e -> e.type().equals("rapport.alliance.rupture-resolved.v1")).findFirst()
                .orElseThrow();
        assertEquals(7.0, resolved.data().path("daysOpen").asDouble(), 0.01, "days from the low rating to the recovery");
        assertTrue(events.stream().filter(e -> e.type().equals("rapport.alliance.feedback-recorded.v1"))
                .anyMatch(e -> e.data().path("recordedAt").asText().equals(daysAgo(35).toString())), events.toString());
    }

    @Test
    void aLateEntryDatedBeforeRatingsAlreadyRecordedIsJudgedAsTheNewestNews() {
        UUID client = Api.northClient();
        for (int[] rating : new int[][]{{36, 21}, {37, 14}, {36, 7}}) {
            allianceTotalAt(client, DemoUsers.THEO, rating[0], daysAgo(rating[1])).statusCode(201);
        }
        // Filled in a month ago, before all three; compared with the newest (36), and the episode starts as of that one.
        allianceTotalAt(client, DemoUsers.THEO, 24, daysAgo(30)).statusCode(201)
                .body("recordedAt", equalTo(daysAgo(30).toString()))
                .body("signals.kind", hasItem("drop-from-previous"));
        String base = "/api/v1/alliance/clients/" + client;
        as(DemoUsers.ALICE).get(base + "/episodes").then().statusCode(200).body("[0].detectedAt", equalTo(daysAgo(7).toString()));
        as(DemoUsers.ALICE).get(base + "/trend").then().statusCode(200)
                .body("pairs[0].clientRatings[0].at", equalTo(daysAgo(30).toString()))
                .body("pairs[0].clientRatings[0].total", equalTo(24.0f));
    }

    @Test
    void aMarkerSeenEarlierIsDatedWhenItWasSeen() {
        UUID client = Api.northClient();
        as(DemoUsers.THEO).body(Map.of("kind", "withdrawal", "observedAt", daysAgo(3).toString()))
                .post("/api/v1/alliance/clients/" + client + "/markers").then().statusCode(201);
        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/episodes").then().statusCode(200)
                .body("[0].detectedAt", equalTo(daysAgo(3).toString()));
        as(DemoUsers.THEO).body(Map.of("kind", "withdrawal", "observedAt", NOW.plus(Duration.ofDays(1)).toString()))
                .post("/api/v1/alliance/clients/" + client + "/markers").then().statusCode(400)
                .body("errors[0].field", equalTo("observedAt"));
    }

    @Test
    void aTimeInTheFutureOverAYearAgoOrNotATimeIsRefusedByName() {
        UUID client = Api.northClient();
        allianceTotalAt(client, DemoUsers.THEO, 30, NOW.plus(Duration.ofHours(1))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("completedAt")).body("errors[0].message", containsString("future"));
        allianceTotalAt(client, DemoUsers.THEO, 30, daysAgo(400)).statusCode(400)
                .body("errors[0].field", equalTo("completedAt")).body("errors[0].message", containsString("366 days"));
        allianceTotalAt(client, DemoUsers.THEO, 30, "yesterday").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("completedAt"));
        // A device clock a minute ahead is within the allowed skew; the response is dated now, never in the future.
        String recorded = allianceTotalAt(client, DemoUsers.THEO, 30, Instant.now().plus(Duration.ofMinutes(1))).statusCode(201)
                .extract().path("recordedAt");
        assertTrue(!Instant.parse(recorded).isAfter(Instant.now()), recorded);
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .body("pairs[0].clientRatings", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void aPublicLinkNeverTakesACompletedAt() {
        UUID client = Api.northClient();
        String token = as(DemoUsers.THEO).body(Map.of()).post("/api/v1/alliance/clients/" + client + "/feedback-links")
                .then().statusCode(201).extract().path("token");
        Map<String, Integer> answers = Map.of("bond", 9, "goals", 9, "approach", 9, "overall", 9);
        given().contentType(ContentType.JSON).body(Map.of("answers", answers, "completedAt", daysAgo(10).toString()))
                .post("/api/v1/feedback/" + token).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("completedAt"));
        // The link is still unused, and the answer it then takes is dated when it arrives.
        given().contentType(ContentType.JSON).body(Map.of("answers", answers)).post("/api/v1/feedback/" + token)
                .then().statusCode(201);
        String at = as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .extract().path("pairs[0].clientRatings[0].at");
        assertTrue(Duration.between(Instant.parse(at), Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, at);
    }
}
