package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import app.rapport.sessions.support.SessionEvents;
import app.rapport.sessions.support.Slots;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status transition, its refusal from final states, and the event it publishes with the alliance signals. */
@QuarkusTest
class TransitionsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private record Setup(CareCircleEvents client, String therapist) {
    }

    private static Setup setup() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        return new Setup(client, therapist);
    }

    private static String book(Setup s, LocalDateTime start) {
        return as(DemoUsers.ALICE).body(session(s.client().id(), List.of(s.therapist()), start, start.plusHours(1)))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
    }

    private static void attend(String session, int minutesLate) {
        as(DemoUsers.ALICE).body(Map.of("minutesLate", minutesLate)).post("/api/v1/sessions/" + session + "/attendance")
                .then().statusCode(200).body("status", equalTo("attended")).body("minutesLate", equalTo(minutesLate));
    }

    @Test
    void attendanceAndDnaCarryLatenessTheGapAndThePairsUsualInterval() {
        Setup s = setup();
        LocalDateTime first = Slots.pastDay().atTime(10, 0);
        attend(book(s, first), 0);
        attend(book(s, first.plusDays(7)), 5);
        attend(book(s, first.plusDays(14)), 0);
        String late = book(s, first.plusDays(28));
        attend(late, 12);
        String dna = book(s, first.plusDays(35));
        as(DemoUsers.ALICE).post("/api/v1/sessions/" + dna + "/missed").then().statusCode(200).body("status", equalTo("missed"));

        List<JsonNode> events = SessionEvents.of(s.client().id(), 11);
        assertEquals(5, SessionEvents.ofType(events, "rapport.session.scheduled.v1").size());
        List<JsonNode> attended = SessionEvents.ofType(events, "rapport.session.attended.v1");
        assertEquals(4, attended.size());
        JsonNode firstAttended = attended.get(0).get("data");
        assertFalse(firstAttended.get("pairs").get(0).has("gapDays"), "no gap before the first session");
        JsonNode lateData = attended.get(3).get("data");
        assertEquals(late, lateData.get("sessionId").asText());
        assertEquals(12, lateData.get("minutesLate").asInt());
        assertEquals(s.therapist(), lateData.get("pairs").get(0).get("professionalId").asText());
        assertEquals(14.0, lateData.get("pairs").get(0).get("gapDays").asDouble(), "a fortnight since they last met");
        assertEquals(7.0, lateData.get("pairs").get(0).get("usualIntervalDays").asDouble(), "they usually meet weekly");
        assertEquals(DemoUsers.ALICE.userId(), lateData.get("recordedBy").asText());

        JsonNode missed = SessionEvents.ofType(events, "rapport.session.missed.v1").get(0);
        assertEquals(dna, missed.get("data").get("sessionId").asText());
        assertEquals(7.0, missed.get("data").get("pairs").get(0).get("gapDays").asDouble());
        assertEquals(7.0, missed.get("data").get("pairs").get(0).get("usualIntervalDays").asDouble(), "median of 7, 7, 14");
        assertEquals(s.client().id().toString(), missed.get("subject").asText());
        assertEquals(DemoUsers.TEAM_NORTH, missed.get("teamid").asText());
    }

    @Test
    void cancellationRecordsWhoAndTheHoursOfNoticeAndReschedulingMovesTheSession() {
        Setup s = setup();
        LocalDateTime inThreeDays = LocalDate.now(LONDON).plusDays(3).atTime(12, 0);
        String cancelled = book(s, inThreeDays);
        Instant start = inThreeDays.atZone(LONDON).toInstant();
        double expectedNotice = Duration.between(Instant.now(), start).toMinutes() / 60.0;
        as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "transport"))
                .post("/api/v1/sessions/" + cancelled + "/cancellation").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelledBy", equalTo("client"));

        String moved = book(s, inThreeDays.plusHours(2));
        String replacement = as(DemoUsers.ALICE)
                .body(Map.of("start", inThreeDays.plusDays(1).toString(), "end", inThreeDays.plusDays(1).plusMinutes(50).toString(),
                        "requestedBy", "client"))
                .post("/api/v1/sessions/" + moved + "/reschedule").then().statusCode(201)
                .body("status", equalTo("scheduled")).body("rescheduledFrom", equalTo(moved)).extract().path("id");
        as(DemoUsers.ALICE).get("/api/v1/sessions/" + moved).then().statusCode(200).body("status", equalTo("rescheduled"));

        List<JsonNode> events = SessionEvents.of(s.client().id(), 4);
        JsonNode cancellation = SessionEvents.ofType(events, "rapport.session.cancelled.v1").get(0).get("data");
        assertEquals("client", cancellation.get("cancelledBy").asText());
        assertEquals("transport", cancellation.get("reasonCode").asText());
        assertTrue(Math.abs(cancellation.get("hoursNotice").asDouble() - expectedNotice) < 0.1,
                cancellation.get("hoursNotice") + " vs " + expectedNotice);
        assertTrue(expectedNotice > 60, "about three days' notice");
        JsonNode rescheduled = SessionEvents.ofType(events, "rapport.session.rescheduled.v1").get(0).get("data");
        assertEquals(moved, rescheduled.get("sessionId").asText());
        assertEquals(replacement, rescheduled.get("newSessionId").asText());
        assertEquals(inThreeDays.plusDays(1).atZone(LONDON).toInstant(), Instant.parse(rescheduled.get("start").asText()));
        assertEquals(inThreeDays.plusHours(2).atZone(LONDON).toInstant(), Instant.parse(rescheduled.get("previousStart").asText()));
        assertEquals("client", rescheduled.get("requestedBy").asText());
    }

    @Test
    void finalStatesRefuseEveryTransitionAndAFutureSessionCannotBeAttended() {
        Setup s = setup();
        LocalDate day = Slots.pastDay();
        String attended = book(s, day.atTime(9, 0));
        attend(attended, 0);
        String missed = book(s, day.atTime(11, 0));
        as(DemoUsers.ALICE).post("/api/v1/sessions/" + missed + "/missed").then().statusCode(200);
        String cancelled = book(s, day.atTime(13, 0));
        as(DemoUsers.ALICE).body(Map.of("by", "professional", "reason", "illness")).post("/api/v1/sessions/" + cancelled + "/cancellation")
                .then().statusCode(200);

        for (String session : List.of(attended, missed, cancelled)) {
            as(DemoUsers.ALICE).body(Map.of("minutesLate", 0)).post("/api/v1/sessions/" + session + "/attendance")
                    .then().statusCode(409).body("type", equalTo("urn:rapport:problem:invalid-transition"));
            as(DemoUsers.ALICE).post("/api/v1/sessions/" + session + "/missed").then().statusCode(409);
            as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell")).post("/api/v1/sessions/" + session + "/cancellation")
                    .then().statusCode(409);
            as(DemoUsers.ALICE).body(Map.of("start", day.plusDays(1).atTime(9, 0).toString(), "end", day.plusDays(1).atTime(10, 0).toString()))
                    .post("/api/v1/sessions/" + session + "/reschedule").then().statusCode(409)
                    .body("detail", containsString("cannot be rescheduled"));
        }

        String future = book(s, LocalDate.now(LONDON).plusDays(2).atTime(12, 0));
        as(DemoUsers.ALICE).body(Map.of("minutesLate", 0)).post("/api/v1/sessions/" + future + "/attendance")
                .then().statusCode(409).body("type", equalTo("urn:rapport:problem:not-started"));
        as(DemoUsers.ALICE).body(Map.of("by", "someone", "reason", "unwell")).post("/api/v1/sessions/" + future + "/cancellation")
                .then().statusCode(400).body("errors[0].field", containsString("by"));
        as(DemoUsers.ALICE).body(Map.of("start", LocalDate.now(LONDON).plusDays(4).atTime(12, 0).toString(),
                        "end", LocalDate.now(LONDON).plusDays(4).atTime(13, 0).toString(), "requestedBy", "the-weather"))
                .post("/api/v1/sessions/" + future + "/reschedule").then().statusCode(400)
                .body("errors[0].field", containsString("requestedBy"));
        as(DemoUsers.ALICE).body(Map.of("minutesLate", -3)).post("/api/v1/sessions/" + attended + "/attendance")
                .then().statusCode(400);
        as(DemoUsers.ALICE).get("/api/v1/sessions/" + future).then().statusCode(200).body("status", equalTo("scheduled"));
    }
}
