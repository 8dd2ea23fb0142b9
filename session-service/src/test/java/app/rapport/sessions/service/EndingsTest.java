package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import app.rapport.sessions.support.SessionEvents;
import app.rapport.sessions.support.Slots;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contracted sessions per pair: used and left, ending-approaching raised once, planned and unplanned endings. */
@QuarkusTest
class EndingsTest {

    @Test
    void endingApproachingIsPublishedOnceWhenTwoSessionsAreLeft() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        LocalDate first = Slots.pastDay();
        String contract = as(DemoUsers.ALICE).body(Map.of("clientId", client.id().toString(), "professionalId", therapist, "sessionsAgreed", 4, "frequency", "weekly",
                        "startsOn", first.toString()))
                .post("/api/v1/sessions/contracts").then().statusCode(201)
                .body("sessionsLeft", equalTo(4)).body("endingRaisedAt", nullValue()).extract().path("id");
        as(DemoUsers.ALICE).body(Map.of("clientId", client.id().toString(), "professionalId", therapist, "sessionsAgreed", 6))
                .post("/api/v1/sessions/contracts").then().statusCode(409);
        as(DemoUsers.ALICE).body(Map.of("clientId", client.id().toString(), "professionalId", "stranger", "sessionsAgreed", 6))
                .post("/api/v1/sessions/contracts").then().statusCode(400);

        for (int week = 0; week < 3; week++) {
            String id = as(DemoUsers.ALICE).body(session(client.id(), List.of(therapist), first.plusWeeks(week).atTime(10, 0),
                    first.plusWeeks(week).atTime(11, 0))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
            as(DemoUsers.ALICE).body(Map.of("minutesLate", 0)).post("/api/v1/sessions/" + id + "/attendance").then().statusCode(200);
        }
        // A DNA does not use up a contracted session.
        String dna = as(DemoUsers.ALICE).body(session(client.id(), List.of(therapist), first.plusWeeks(3).atTime(10, 0),
                first.plusWeeks(3).atTime(11, 0))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(DemoUsers.ALICE).post("/api/v1/sessions/" + dna + "/missed").then().statusCode(200);

        as(DemoUsers.ALICE).get("/api/v1/sessions/contracts?clientId=" + client.id()).then().statusCode(200)
                .body("[0].sessionsUsed", equalTo(3)).body("[0].sessionsLeft", equalTo(1))
                .body("[0].endingRaisedAt", notNullValue());

        // 4 scheduled + 3 attended + 1 missed + exactly one ending-approaching.
        List<JsonNode> events = SessionEvents.of(client.id(), 9);
        List<JsonNode> endings = SessionEvents.ofType(events, "rapport.session.ending-approaching.v1");
        assertEquals(1, endings.size(), "raised once, not again when one is left");
        JsonNode data = endings.get(0).get("data");
        assertEquals(contract, data.get("contractId").asText());
        assertEquals(therapist, data.get("professionalId").asText());
        assertEquals(4, data.get("sessionsAgreed").asInt());
        assertEquals(2, data.get("sessionsUsed").asInt());
        assertEquals(2, data.get("sessionsLeft").asInt());
        // It comes right after the second attendance.
        int second = events.indexOf(SessionEvents.ofType(events, "rapport.session.attended.v1").get(1));
        assertEquals("rapport.session.ending-approaching.v1", events.get(second + 1).get("type").asText());

        as(DemoUsers.ALICE).body(Map.of("kind", "unplanned")).post("/api/v1/sessions/contracts/" + contract + "/ending").then().statusCode(200)
                .body("ending", equalTo("unplanned")).body("endedOn", notNullValue());
        as(DemoUsers.ALICE).body(Map.of("kind", "planned")).post("/api/v1/sessions/contracts/" + contract + "/ending").then().statusCode(409);
        as(DemoUsers.THEO).get("/api/v1/sessions/contracts?clientId=" + client.id()).then().statusCode(404);
    }
}
