package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every series-wide change against every state an occurrence can be in, before and after the change's date: what
 * the change must touch and what it must leave alone. A weekly series of eight starts four weeks ago, so the
 * occurrences before today can be attended or missed; each change applies from the third occurrence's date.
 */
@QuarkusTest
class SeriesChangesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime NEW_START = LocalTime.of(14, 0);
    private static final int FROM_INDEX = 2;

    /** What is done to an occurrence on its own before the series-wide change. */
    enum Before { NOTHING, MOVED_WITHIN_ITS_DAY, MOVED_PAST_THE_DATE, ATTENDED, MISSED, CANCELLED }

    enum Outcome { UNCHANGED, RETIMED, CANCELLED }

    enum Change { RETIME, CANCEL_FROM }

    /** One occurrence of the series: what is done to it first, then what each series-wide change must do to it. */
    private record Row(int index, Before before, Outcome afterRetime, Outcome afterCancelFrom) {
        Outcome after(Change change) {
            return change == Change.RETIME ? afterRetime : afterCancelFrom;
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row(0, Before.NOTHING, Outcome.UNCHANGED, Outcome.UNCHANGED),                 // before the date
            new Row(1, Before.MOVED_PAST_THE_DATE, Outcome.UNCHANGED, Outcome.CANCELLED),     // moved from before to after the date
            new Row(2, Before.ATTENDED, Outcome.UNCHANGED, Outcome.UNCHANGED),                // on the date, final
            new Row(3, Before.MISSED, Outcome.UNCHANGED, Outcome.UNCHANGED),                  // after the date, final
            new Row(4, Before.CANCELLED, Outcome.UNCHANGED, Outcome.UNCHANGED),               // after the date, final
            new Row(5, Before.MOVED_WITHIN_ITS_DAY, Outcome.UNCHANGED, Outcome.CANCELLED),    // after the date, moved on its own
            new Row(6, Before.NOTHING, Outcome.RETIMED, Outcome.CANCELLED),                   // after the date, follows the series
            new Row(7, Before.NOTHING, Outcome.RETIMED, Outcome.CANCELLED));                  // the last one, follows the series

    private record Setup(CareCircleEvents client, String therapist) {
    }

    private static Setup setup() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        return new Setup(client, therapist);
    }

    private static LocalDate firstDay() {
        return LocalDate.now(LONDON).minusWeeks(4);
    }

    private static LocalDate day(int index) {
        return firstDay().plusWeeks(index);
    }

    /** Books the series and does each row's own change; answers each row's current session id. */
    private static Map<Integer, String> prepare(Setup s, String[] seriesId) {
        LocalDateTime start = firstDay().atTime(10, 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", session(s.client().id(), List.of(s.therapist()), start, start.plusHours(1)));
        body.put("rrule", "FREQ=WEEKLY;COUNT=" + ROWS.size());
        JsonPath booked = as(DemoUsers.ALICE).body(body).post("/api/v1/sessions/series").then().statusCode(201).extract().jsonPath();
        seriesId[0] = booked.getString("id");
        List<String> ids = booked.getList("sessions.id", String.class);

        Map<Integer, String> current = new HashMap<>();
        for (Row row : ROWS) {
            String id = ids.get(row.index());
            current.put(row.index(), switch (row.before()) {
                case NOTHING -> id;
                case ATTENDED -> {
                    as(DemoUsers.ALICE).body(Map.of("minutesLate", 0)).post("/api/v1/sessions/" + id + "/attendance").then().statusCode(200);
                    yield id;
                }
                case MISSED -> {
                    as(DemoUsers.ALICE).post("/api/v1/sessions/" + id + "/missed").then().statusCode(200);
                    yield id;
                }
                case CANCELLED -> {
                    as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell"))
                            .post("/api/v1/sessions/" + id + "/cancellation").then().statusCode(200);
                    yield id;
                }
                case MOVED_WITHIN_ITS_DAY -> move(id, day(row.index()).atTime(8, 0));
                case MOVED_PAST_THE_DATE -> move(id, day(FROM_INDEX).plusDays(2).atTime(17, 0));
            });
        }
        return current;
    }

    private static String move(String sessionId, LocalDateTime to) {
        return as(DemoUsers.ALICE).body(Map.of("start", to.toString(), "end", to.plusHours(1).toString(), "requestedBy", "client"))
                .post("/api/v1/sessions/" + sessionId + "/reschedule").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> apply(Change change, String seriesId) {
        String from = day(FROM_INDEX).toString();
        return switch (change) {
            case RETIME -> retime(seriesId, from);
            case CANCEL_FROM -> as(DemoUsers.ALICE).body(Map.of("from", from, "by", "professional", "reason", "planned-ending"))
                    .post("/api/v1/sessions/series/" + seriesId + "/cancellation").then().statusCode(200).extract().jsonPath().getList("$");
        };
    }

    private static List<Map<String, Object>> retime(String seriesId, String from) {
        return as(DemoUsers.ALICE).body(Map.of("from", from, "start", NEW_START.toString(), "end", NEW_START.plusHours(1).toString()))
                .post("/api/v1/sessions/series/" + seriesId + "/retime").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Map<String, Object>> timeline(Setup s) {
        List<Map<String, Object>> all = as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + s.client().id()
                        + "?from=" + firstDay().minusWeeks(1).atStartOfDay(LONDON).toInstant()
                        + "&to=" + day(ROWS.size() + 1).atStartOfDay(LONDON).toInstant())
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        all.forEach(session -> byId.put((String) session.get("id"), session));
        return byId;
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aSeriesWideChangeTouchesOnlyTheOccurrencesThatStillFollowTheSeries(Change change) {
        Setup s = setup();
        String[] seriesId = new String[1];
        Map<Integer, String> current = prepare(s, seriesId);
        Map<String, Map<String, Object>> before = timeline(s);

        List<Map<String, Object>> answered = apply(change, seriesId[0]);
        Map<String, Map<String, Object>> after = timeline(s);

        List<String> expectedChanged = new ArrayList<>();
        for (Row row : ROWS) {
            String id = current.get(row.index());
            Map<String, Object> was = before.get(id);
            Map<String, Object> now = after.get(id);
            String label = change + " on occurrence " + row.index() + " (" + row.before() + ")";
            switch (row.after(change)) {
                case UNCHANGED -> {
                    assertEquals(was.get("status"), now.get("status"), label);
                    assertEquals(was.get("localStart"), now.get("localStart"), label);
                    assertNull(successor(after, id), label + ": nothing booked in its place");
                }
                case RETIMED -> {
                    assertEquals("rescheduled", now.get("status"), label);
                    Map<String, Object> replacement = successor(after, id);
                    assertNotNull(replacement, label + ": booked at the series' new time");
                    assertEquals(day(row.index()).atTime(NEW_START).toString() + ":00", replacement.get("localStart"), label);
                    assertEquals("scheduled", replacement.get("status"), label);
                    assertEquals(seriesId[0], replacement.get("seriesId"), label);
                    expectedChanged.add((String) replacement.get("id"));
                }
                case CANCELLED -> {
                    assertEquals("cancelled", now.get("status"), label);
                    assertEquals("planned-ending", now.get("reasonCode"), label);
                    assertEquals(was.get("localStart"), now.get("localStart"), label);
                    expectedChanged.add(id);
                }
            }
        }
        assertEquals(Set.copyOf(expectedChanged), answered.stream().map(m -> (String) m.get("id")).collect(Collectors.toSet()),
                change + " answers exactly the sessions it changed");
        assertEquals(expectedChanged.size(), answered.size(), change + " changes each occurrence once");
    }

    @Test
    void anOccurrenceRetimedWithTheSeriesFollowsTheNextRetimeUntilItIsMovedOnItsOwn() {
        Setup s = setup();
        String[] seriesId = new String[1];
        prepare(s, seriesId);
        String from = day(FROM_INDEX).toString();
        assertEquals(List.of(day(6).atTime(NEW_START) + ":00", day(7).atTime(NEW_START) + ":00"), starts(retime(seriesId[0], from)),
                "occurrences 6 and 7 follow the series");

        // Retimed with the series, they follow a second retime.
        List<Map<String, Object>> second = as(DemoUsers.ALICE).body(Map.of("from", from, "start", "16:00", "end", "17:00"))
                .post("/api/v1/sessions/series/" + seriesId[0] + "/retime").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of(day(6).atTime(16, 0) + ":00", day(7).atTime(16, 0) + ":00"), starts(second));

        // Moved on its own, occurrence 6 no longer does; occurrence 7 still does.
        String moved = move((String) second.get(0).get("id"), day(6).atTime(9, 0));
        assertEquals(List.of(day(7).atTime(NEW_START) + ":00"), starts(retime(seriesId[0], from)));
        Map<String, Object> left = timeline(s).get(moved);
        assertEquals("scheduled", left.get("status"));
        assertEquals(day(6).atTime(9, 0) + ":00", left.get("localStart"));
    }

    private static List<Object> starts(List<Map<String, Object>> sessions) {
        return sessions.stream().map(m -> m.get("localStart")).toList();
    }

    private static Map<String, Object> successor(Map<String, Map<String, Object>> timeline, String id) {
        return timeline.values().stream().filter(m -> id.equals(m.get("rescheduledFrom"))).findFirst().orElse(null);
    }
}
