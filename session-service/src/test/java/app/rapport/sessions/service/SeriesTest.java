package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recurring series: RRULE expansion in local time across daylight-saving changes, exceptions, and limits. */
@QuarkusTest
class SeriesTest {

    private record Setup(CareCircleEvents client, String therapist) {
    }

    private static Setup setup() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        return new Setup(client, therapist);
    }

    private static Map<String, Object> series(Setup s, LocalDateTime start, String rrule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", session(s.client().id(), List.of(s.therapist()), start, start.plusHours(1)));
        body.put("rrule", rrule);
        return body;
    }

    private static JsonPath timeline(Setup s, String from, String to) {
        return as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + s.client().id() + "?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aWeeklySessionStaysAtTenLocalAcrossBothClockChanges() {
        Setup s = setup();
        // Clocks go forward on Sunday 29 March 2037 and back on Sunday 25 October 2037.
        as(DemoUsers.ALICE).body(series(s, LocalDateTime.parse("2037-03-19T10:00"), "FREQ=WEEKLY;COUNT=4"))
                .post("/api/v1/sessions/series").then().statusCode(201)
                .body("sessions", hasSize(4))
                .body("sessions.localStart", equalTo(List.of("2037-03-19T10:00:00", "2037-03-26T10:00:00", "2037-04-02T10:00:00",
                        "2037-04-09T10:00:00")))
                .body("sessions.start", equalTo(List.of("2037-03-19T10:00:00Z", "2037-03-26T10:00:00Z", "2037-04-02T10:00:00+01:00",
                        "2037-04-09T10:00:00+01:00")))
                .body("sessions.localEnd[2]", equalTo("2037-04-02T11:00:00"));
        as(DemoUsers.ALICE).body(series(s, LocalDateTime.parse("2037-10-15T10:00"), "FREQ=WEEKLY;UNTIL=20371110T000000Z"))
                .post("/api/v1/sessions/series").then().statusCode(201)
                .body("sessions.start", equalTo(List.of("2037-10-15T10:00:00+01:00", "2037-10-22T10:00:00+01:00",
                        "2037-10-29T10:00:00Z", "2037-11-05T10:00:00Z")));
    }

    @Test
    void oneOccurrenceCanBeMovedOrCancelledWithoutChangingTheRest() {
        Setup s = setup();
        JsonPath booked = as(DemoUsers.ALICE).body(series(s, LocalDateTime.parse("2038-01-05T15:00"), "FREQ=WEEKLY;INTERVAL=2;COUNT=4"))
                .post("/api/v1/sessions/series").then().statusCode(201).extract().jsonPath();
        String seriesId = booked.getString("id");
        List<String> ids = booked.getList("sessions.id", String.class);
        assertEquals(List.of("2038-01-05T15:00:00", "2038-01-19T15:00:00", "2038-02-02T15:00:00", "2038-02-16T15:00:00"),
                booked.getList("sessions.localStart", String.class), "fortnightly");

        as(DemoUsers.ALICE).body(Map.of("by", "professional", "reason", "annual-leave"))
                .post("/api/v1/sessions/" + ids.get(1) + "/cancellation").then().statusCode(200);
        as(DemoUsers.ALICE).body(Map.of("start", "2038-02-03T09:30", "end", "2038-02-03T10:30"))
                .post("/api/v1/sessions/" + ids.get(2) + "/reschedule").then().statusCode(201).body("seriesId", equalTo(seriesId));

        JsonPath all = timeline(s, "2038-01-01T00:00:00Z", "2038-03-01T00:00:00Z");
        assertEquals(List.of("scheduled", "cancelled", "rescheduled", "scheduled", "scheduled"), all.getList("status", String.class));
        assertEquals(List.of("2038-01-05T15:00:00", "2038-01-19T15:00:00", "2038-02-02T15:00:00", "2038-02-03T09:30:00",
                "2038-02-16T15:00:00"), all.getList("localStart", String.class));
        assertEquals(List.of(seriesId, seriesId, seriesId, seriesId, seriesId), all.getList("seriesId", String.class));
    }

    @Test
    void changingTheSeriesFromADateOnLeavesEarlierSessionsAlone() {
        Setup s = setup();
        JsonPath booked = as(DemoUsers.ALICE).body(series(s, LocalDateTime.parse("2039-01-04T10:00"), "FREQ=WEEKLY;COUNT=6"))
                .post("/api/v1/sessions/series").then().statusCode(201).extract().jsonPath();
        String seriesId = booked.getString("id");
        String attended = booked.getList("sessions.id", String.class).get(0);
        as(DemoUsers.BILAL).body(Map.of("from", "2039-01-18", "start", "14:00", "end", "15:00"))
                .post("/api/v1/sessions/series/" + seriesId + "/retime").then().statusCode(404);

        as(DemoUsers.ALICE).body(Map.of("from", "2039-01-18", "start", "14:00", "end", "15:00"))
                .post("/api/v1/sessions/series/" + seriesId + "/retime").then().statusCode(200)
                .body("localStart", equalTo(List.of("2039-01-18T14:00:00", "2039-01-25T14:00:00", "2039-02-01T14:00:00",
                        "2039-02-08T14:00:00")));
        as(DemoUsers.ALICE).body(Map.of("from", "2039-02-01", "by", "professional", "reason", "planned-ending"))
                .post("/api/v1/sessions/series/" + seriesId + "/cancellation").then().statusCode(200)
                .body("status", equalTo(List.of("cancelled", "cancelled")));

        JsonPath all = timeline(s, "2039-01-01T00:00:00Z", "2039-03-01T00:00:00Z");
        List<String> live = all.getList("findAll { it.status == 'scheduled' }.localStart", String.class);
        assertEquals(List.of("2039-01-04T10:00:00", "2039-01-11T10:00:00", "2039-01-18T14:00:00", "2039-01-25T14:00:00"), live);
        assertEquals(4, all.getList("findAll { it.status == 'rescheduled' }").size());
        assertEquals(List.of("2039-02-01T14:00:00", "2039-02-08T14:00:00"),
                all.getList("findAll { it.status == 'cancelled' }.localStart", String.class));
        as(DemoUsers.ALICE).get("/api/v1/sessions/" + attended).then().statusCode(200)
                .body("localStart", equalTo("2039-01-04T10:00:00")).body("status", equalTo("scheduled"));
    }

    @Test
    void rulesWithoutASaneEndAreRefusedAndAClashRefusesTheWholeSeries() {
        Setup s = setup();
        LocalDateTime start = LocalDateTime.parse("2038-05-03T10:00");
        refused(series(s, start, "FREQ=WEEKLY"), "never ends");
        refused(series(s, start, "FREQ=WEEKLY;COUNT=500"), "more than the 200");
        refused(series(s, start, "FREQ=MONTHLY;UNTIL=20450101T000000Z"), "beyond the horizon");
        refused(series(s, start, "FREQ=HOURLY;UNTIL=20390101T000000Z"), "more than 200");
        refused(series(s, start, "FREQ=SOMETIMES;COUNT=3"), "FREQ must be one of");

        // An existing booking on the third Monday: the whole series is refused, naming that occurrence.
        as(DemoUsers.ALICE).body(session(s.client().id(), List.of(s.therapist()), start.plusWeeks(2).plusMinutes(30),
                start.plusWeeks(2).plusMinutes(90))).post("/api/v1/sessions").then().statusCode(201);
        as(DemoUsers.ALICE).body(series(s, start, "FREQ=WEEKLY;COUNT=6")).post("/api/v1/sessions/series").then().statusCode(409)
                .body("detail", containsString("2038-05-17"));
        assertEquals(1, timeline(s, "2038-05-01T00:00:00Z", "2038-07-01T00:00:00Z").getList("id").size(), "nothing else written");
    }

    private static void refused(Map<String, Object> body, String message) {
        as(DemoUsers.ALICE).body(body).post("/api/v1/sessions/series").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rrule"))
                .body("errors[0].message", containsString(message));
    }
}
