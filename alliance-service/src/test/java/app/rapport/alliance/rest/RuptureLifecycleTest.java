package app.rapport.alliance.rest;

import app.rapport.alliance.support.AllianceTopic;
import app.rapport.alliance.support.Api;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotal;
import static app.rapport.alliance.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses, score signals and the episode lifecycle on the real database and broker. */
@QuarkusTest
class RuptureLifecycleTest {

    private static final String THEO = DemoUsers.THEO.userId();

    @Test
    void aVShapedRuptureIsDetectedAcknowledgedRepairedAndResolvedWithAnEventForEachStep() {
        UUID client = Api.northClient();
        for (int total : new int[]{36, 37, 36}) {
            allianceTotal(client, DemoUsers.THEO, total).statusCode(201).body("signals", empty()).body("episodeId", nullValue());
        }
        // 24: below the cut-off of 30, 12 below the previous 36 and the baseline 36.33 (beyond 6.198).
        String episodeId = allianceTotal(client, DemoUsers.THEO, 24).statusCode(201)
                .body("total", equalTo(24.0f))
                .body("percentOfMax", equalTo(60.0f))
                .body("inConcernRange", equalTo(true))
                .body("signals.kind", containsInAnyOrder("below-cut-off", "drop-from-previous", "drop-from-baseline"))
                .extract().path("episodeId");

        JsonPath episodes = as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/episodes")
                .then().statusCode(200).body("", hasSize(1)).extract().jsonPath();
        assertEquals("detected", episodes.getString("[0].state"));
        assertEquals(THEO, episodes.getString("[0].professionalId"));
        Map<String, Object> belowCutOff = episodes.getMap("[0].signals.find { it.kind == 'below-cut-off' }.evidence");
        assertEquals(24.0f, ((Map<?, ?>) belowCutOff.get("observed")).get("total"));
        assertEquals(30.0f, ((Map<?, ?>) belowCutOff.get("thresholds")).get("cutOff"));

        String base = "/api/v1/alliance/clients/" + client + "/episodes/" + episodeId;
        as(DemoUsers.THEO).body(Map.of("strategy", "explore-together", "note", "n")).post(base + "/repairs")
                .then().statusCode(409).body("type", equalTo("urn:rapport:problem:episode-state"));
        as(DemoUsers.ALICE).post(base + "/acknowledge").then().statusCode(200)
                .body("state", equalTo("acknowledged")).body("acknowledgedBy", equalTo(DemoUsers.ALICE.userId()));
        as(DemoUsers.THEO).body(Map.of("strategy", "shout-louder")).post(base + "/repairs")
                .then().statusCode(400).body("errors[0].field", equalTo("strategy"));
        as(DemoUsers.THEO).body(Map.of("strategy", "explore-together", "note", "We talked about the missed goal."))
                .post(base + "/repairs").then().statusCode(201)
                .body("state", equalTo("repair-recorded")).body("repairs", hasSize(1))
                .body("repairs[0].note", equalTo("We talked about the missed goal."));

        // 35: out of the concern range and within reliable change of the baseline: resolved.
        allianceTotal(client, DemoUsers.THEO, 35).statusCode(201).body("episodeResolved", equalTo(true))
                .body("episodeId", equalTo(episodeId));
        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .body("[0].state", equalTo("resolved")).body("[0].repaired", equalTo(true));

        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rupture-resolved.v1") == 1);
        assertEquals(List.of("rapport.alliance.feedback-recorded.v1", "rapport.alliance.feedback-recorded.v1",
                "rapport.alliance.feedback-recorded.v1", "rapport.alliance.feedback-recorded.v1",
                "rapport.alliance.rupture-detected.v1", "rapport.alliance.rupture-acknowledged.v1",
                "rapport.alliance.repair-recorded.v1", "rapport.alliance.feedback-recorded.v1",
                "rapport.alliance.rupture-resolved.v1"), AllianceTopic.types(events));
        EventEnvelope detected = events.get(4);
        assertEquals("health", detected.sensitivity());
        assertEquals(DemoUsers.TEAM_NORTH, detected.teamid());
        assertEquals(episodeId, detected.data().get("episodeId").asText());
        assertTrue(events.stream().noneMatch(e -> e.data().toString().contains("missed goal")), "notes never leave the service");
        EventEnvelope resolved = events.get(8);
        assertTrue(resolved.data().get("repaired").asBoolean());
    }

    @Test
    void anUnrepairedDeclineIsCaughtAgainstThePairsBaselineAndStaysOpen() {
        UUID client = Api.northClient();
        // Each step is small (at most 3 points, under the 6.2 reliable change) and never below the cut-off of 30, but
        // 31 is 7 below the baseline of 38: only the baseline shows the drift.
        for (int total : new int[]{38, 38, 38, 36, 34}) {
            allianceTotal(client, DemoUsers.THEO, total).statusCode(201).body("signals", empty());
        }
        String episodeId = allianceTotal(client, DemoUsers.THEO, 31).statusCode(201)
                .body("signals.kind", containsInAnyOrder("drop-from-baseline")).extract().path("episodeId");
        // Acknowledged, but nothing recovers: a later 30 is still reliably below the baseline, so it extends the
        // episode and resolves nothing.
        as(DemoUsers.ALICE).post("/api/v1/alliance/clients/" + client + "/episodes/" + episodeId + "/acknowledge")
                .then().statusCode(200);
        allianceTotal(client, DemoUsers.THEO, 30).statusCode(201).body("episodeResolved", equalTo(false))
                .body("episodeId", equalTo(episodeId));
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .body("", hasSize(1)).body("[0].state", equalTo("acknowledged"));
        as(DemoUsers.ALICE).get("/api/v1/alliance/caseload").then().statusCode(200)
                .body("clients.find { it.clientId == '" + client + "' }.status", equalTo("rupture-open"));
    }

    @Test
    void aSteadyStrongAllianceRaisesNothing() {
        UUID client = Api.northClient();
        for (int total : new int[]{35, 37, 36, 38, 37, 39}) {
            allianceTotal(client, DemoUsers.THEO, total).statusCode(201).body("signals", empty());
        }
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then().statusCode(200).body("", empty());
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .body("pairs", hasSize(1)).body("pairs[0].professionalId", equalTo(THEO))
                .body("pairs[0].clientRatings", hasSize(6)).body("pairs[0].clientRatings[0].cutOff", equalTo(30.0f))
                .body("pairs[0].episodes", empty());
    }

    @Test
    void lowAllianceByTheThirdSessionIsAnEarlyWarning() {
        UUID client = Api.northClient();
        allianceTotal(client, DemoUsers.THEO, 24).statusCode(201);
        allianceTotal(client, DemoUsers.THEO, 27).statusCode(201);
        allianceTotal(client, DemoUsers.THEO, 28).statusCode(201).body("signals.kind", hasItem("early-warning"));
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.early-warning.v1") == 1);
        EventEnvelope warning = events.stream().filter(e -> e.type().equals("rapport.alliance.early-warning.v1")).findFirst().orElseThrow();
        // (24 + 27 + 28) / 3 = 26.33
        assertEquals(26.333, warning.data().get("meanTotal").asDouble(), 0.001);
        assertEquals(3, warning.data().get("responseIds").size());
        assertEquals(1, AllianceTopic.count(events, "rapport.alliance.rupture-detected.v1"), "one episode, extended");
    }

    @Test
    void aCeilingRatingWithTheProfessionalsLowCheckInIsADiscrepancy() {
        UUID client = Api.northClient();
        allianceTotal(client, DemoUsers.THEO, 40).statusCode(201).body("signals", empty());
        Api.reflection(DemoUsers.THEO, client, 4).statusCode(201)
                .body("rater", equalTo("professional")).body("total", equalTo(16.0f))
                .body("signals.kind", containsInAnyOrder("rating-discrepancy"));
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rating-discrepancy.v1") == 1);
        EventEnvelope discrepancy = events.stream().filter(e -> e.type().equals("rapport.alliance.rating-discrepancy.v1"))
                .findFirst().orElseThrow();
        assertEquals(100.0, discrepancy.data().get("clientPercentOfMax").asDouble());
        assertEquals(40.0, discrepancy.data().get("professionalPercentOfMax").asDouble());
    }

    @Test
    void aProfessionalsMarkerOpensAnEpisodeAndClosingItIsAnEvent() {
        UUID client = Api.northClient();
        String episodeId = as(DemoUsers.THEO).body(Map.of("kind", "confrontation"))
                .post("/api/v1/alliance/clients/" + client + "/markers").then().statusCode(201)
                .body("state", equalTo("detected")).extract().path("episodeId");
        as(DemoUsers.THEO).body(Map.of("kind", "grumpy")).post("/api/v1/alliance/clients/" + client + "/markers")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(DemoUsers.THEO).post("/api/v1/alliance/clients/" + client + "/episodes/" + episodeId + "/close").then()
                .statusCode(200).body("state", equalTo("closed-unresolved")).body("endReason", equalTo("closed-by-professional"));
        as(DemoUsers.THEO).post("/api/v1/alliance/clients/" + client + "/episodes/" + episodeId + "/acknowledge").then()
                .statusCode(409);
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rupture-closed.v1") == 1);
        assertEquals(List.of("rapport.alliance.rupture-detected.v1", "rapport.alliance.rupture-closed.v1"),
                AllianceTopic.types(events));
        assertEquals("professional-marker", events.get(0).data().get("signals").get(0).asText());
        assertEquals("closed-by-professional", events.get(1).data().get("reason").asText());
    }

    @Test
    void badResponsesAreRefusedNamingTheFieldAndNothingIsWritten() {
        UUID client = Api.northClient();
        Api.allianceCheck(DemoUsers.THEO, client, DemoUsers.THEO, 11, 5, 5, 5).statusCode(400)
                .body("errors[0].field", equalTo("answers.bond"));
        as(DemoUsers.THEO).body(Map.of("measureId", "rapport-session-alliance-check", "answers", Map.of("bond", 5)))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(400)
                .body("errors[0].field", equalTo("answers"));
        as(DemoUsers.THEO).body(Map.of("measureId", "phq-9", "answers", Map.of("1", 1)))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(422)
                .body("type", equalTo("urn:rapport:problem:measure-without-wording"));
        as(DemoUsers.THEO).body(Map.of("measureId", "rapport-session-alliance-check", "answers", Map.of("bond", 5),
                        "surprise", 1))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(400);
        as(DemoUsers.ALICE).body(Map.of("professionalId", THEO, "measureId", "rapport-reflective-check-in", "answers",
                        Map.of("ease", 2, "difficult-topics", 2, "own-concerns", 2, "working", 2)))
                .post("/api/v1/alliance/clients/" + client + "/responses").then().statusCode(400)
                .body("errors[0].field", equalTo("professionalId"));
        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200).body("pairs", empty());
    }
}
