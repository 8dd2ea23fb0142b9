package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way an RRULE can be malformed is a 400 on {@code rrule} naming the part, nothing is booked, and
 * no answer names a class or library; date parameters outside the years 1900-2200 are 400s too.
 */
@QuarkusTest
class SeriesRuleRefusalTest {

    private static final Pattern INTERNALS = Pattern.compile("app\\.rapport|java\\.|jakarta\\.|net\\.fortuna|ical4j|"
            + "com\\.fasterxml|org\\.hibernate|SQL|Exception|\\$");

    private static final LocalDateTime START = LocalDateTime.parse("2039-03-07T10:00");

    private static Map<String, Object> series(CareCircleEvents client, String therapist, String rrule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", session(client.id(), List.of(therapist), START, START.plusHours(1)));
        body.put("rrule", rrule);
        return body;
    }

    private static CareCircleEvents client(String therapist) {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(therapist, CareTeamRole.THERAPIST);
        return client;
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=WEEKLY;INTERVAL=0;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;INTERVAL=-1;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;INTERVAL=1.5;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;INTERVAL=two;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;INTERVAL=99999999999;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;INTERVAL=;COUNT=3 | INTERVAL",
            "FREQ=WEEKLY;COUNT=0 | COUNT",
            "FREQ=WEEKLY;COUNT=-2 | COUNT",
            "FREQ=WEEKLY;COUNT=2.5 | COUNT",
            "FREQ=WEEKLY;COUNT=201 | COUNT",
            "FREQ=WEEKLY;COUNT=3;COUNT=4 | COUNT",
            "FREQ=WEEKLY;FREQ=DAILY;COUNT=3 | FREQ",
            "FREQ=FORTNIGHTLY;COUNT=3 | FREQ",
            "COUNT=3 | FREQ",
            "FREQ=WEEKLY;COUNT=3;COLOUR=RED | COLOUR",
            "FREQ=WEEKLY;;COUNT=3 | empty part",
            "FREQ=WEEKLY;COUNT=3; | empty part",
            "FREQ=WEEKLY;COUNT | COUNT",
            "FREQ=WEEKLY;BYDAY=XX;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=MO,XX;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=MON;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=MO,,TU;COUNT=3 | BYDAY",
            "FREQ=MONTHLY;BYDAY=0MO;COUNT=3 | BYDAY",
            "FREQ=MONTHLY;BYDAY=54MO;COUNT=3 | BYDAY",
            "FREQ=MONTHLY;BYDAY=-MO;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=1MO;COUNT=3 | BYDAY",
            "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU;COUNT=3 | BYDAY",
            "FREQ=MONTHLY;BYMONTHDAY=32;COUNT=3 | BYMONTHDAY",
            "FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3 | BYMONTHDAY",
            "FREQ=WEEKLY;BYMONTHDAY=1;COUNT=3 | BYMONTHDAY",
            "FREQ=YEARLY;BYMONTH=13;COUNT=3 | BYMONTH",
            "FREQ=YEARLY;BYMONTH=-1;COUNT=3 | BYMONTH",
            "FREQ=DAILY;BYHOUR=24;COUNT=3 | BYHOUR",
            "FREQ=DAILY;BYMINUTE=60;COUNT=3 | BYMINUTE",
            "FREQ=DAILY;BYSECOND=61;COUNT=3 | BYSECOND",
            "FREQ=YEARLY;BYYEARDAY=367;COUNT=3 | BYYEARDAY",
            "FREQ=MONTHLY;BYYEARDAY=1;COUNT=3 | BYYEARDAY",
            "FREQ=YEARLY;BYWEEKNO=54;COUNT=3 | BYWEEKNO",
            "FREQ=MONTHLY;BYWEEKNO=1;COUNT=3 | BYWEEKNO",
            "FREQ=MONTHLY;BYSETPOS=1;COUNT=3 | BYSETPOS",
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400;COUNT=3 | BYSETPOS",
            "FREQ=WEEKLY;WKST=XX;COUNT=3 | WKST",
            "FREQ=WEEKLY;UNTIL=2039-04-01 | UNTIL",
            "FREQ=WEEKLY;UNTIL=20391301 | UNTIL",
            "FREQ=WEEKLY;UNTIL=20390230 | UNTIL",
            "FREQ=WEEKLY;UNTIL=20390401T250000Z | UNTIL",
            "FREQ=WEEKLY;UNTIL=20390301 | UNTIL",
            "FREQ=WEEKLY;UNTIL=20390306T235959Z | UNTIL",
            "FREQ=WEEKLY;UNTIL=99991231 | UNTIL",
            "FREQ=WEEKLY;UNTIL=20390401;COUNT=3 | UNTIL",
            "FREQ=WEEKLY | COUNT or UNTIL",
            "FREQ=WEEKLY;INTERVAL=2 | COUNT or UNTIL"})
    void malformedRulesAreRefusedNamingThePart(String rrule, String part) {
        String therapist = "therapist-" + UUID.randomUUID();
        CareCircleEvents client = client(therapist);
        Response answer = as(DemoUsers.ALICE).body(series(client, therapist, rrule)).post("/api/v1/sessions/series");
        answer.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rrule"))
                .body("detail", containsString(part));
        assertFalse(INTERNALS.matcher(answer.asString()).find(), answer.asString());
        // Nothing was booked.
        as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + client.id() + "?from=2039-01-01T00:00:00Z&to=2040-01-01T00:00:00Z")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=WEEKLY;COUNT=3 | 3",
            "freq=weekly;count=2 | 2",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3 | 3",
            "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4 | -1",
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=2 | -1",
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2 | -1",
            "FREQ=WEEKLY;UNTIL=20390321 | 3",
            "FREQ=WEEKLY;UNTIL=20390314T100000Z;WKST=SU | 2"})
    /** An occurrence count of -1: which days the library counts from the first start is its business, not checked here. */
    void wellFormedRulesAreBooked(String rrule, int occurrences) {
        String therapist = "therapist-" + UUID.randomUUID();
        var booked = as(DemoUsers.ALICE).body(series(client(therapist), therapist, rrule)).post("/api/v1/sessions/series")
                .then().statusCode(201);
        if (occurrences >= 0) {
            booked.body("sessions", hasSize(occurrences));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/sessions/diary", "/api/v1/sessions/teams/" + DemoUsers.TEAM_NORTH,
            "/api/v1/sessions/busy/alice", "/api/v1/sessions/clients/3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b"})
    void datesOutsideTheSupportedYearsAreRefusedNamingTheParameter(String path) {
        for (String name : List.of("from", "to")) {
            for (String value : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
                    "2201-01-01T00:00:00Z", "tomorrow", "2026-13-01T00:00:00Z")) {
                Response answer = as(DemoUsers.TARA).queryParam(name, value).get(path);
                answer.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(name));
                assertFalse(INTERNALS.matcher(answer.asString()).find(), answer.asString());
            }
        }
    }

    @Test
    void aBooleanOrNumberIsNeverGuessed() {
        String therapist = "therapist-" + UUID.randomUUID();
        Map<String, Object> body = series(client(therapist), therapist, "FREQ=WEEKLY;COUNT=2");
        @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) body.get("first");
        first.put("interpreter", "true");
        String answer = as(DemoUsers.ALICE).body(body).post("/api/v1/sessions/series")
                .then().statusCode(400).body("errors[0].field", equalTo("first.interpreter")).extract().asString();
        assertTrue(answer.contains("true or false"), answer);
    }
}
