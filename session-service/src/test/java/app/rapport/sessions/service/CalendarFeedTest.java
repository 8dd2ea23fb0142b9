package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A professional's private feed: parses as iCalendar, shows references not names, marks cancellations, can be revoked. */
@QuarkusTest
class CalendarFeedTest {

    @Test
    void theFeedParsesShowsNoClientDetailsAndStopsWhenRevoked() throws Exception {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.SAM.userId(), CareTeamRole.SUPPORT_WORKER);
        LocalDateTime start = CareDays.today().plusDays(5).atTime(7, 0);
        Map<String, Object> visit = session(client.id(), List.of(DemoUsers.SAM.userId()), start, start.plusHours(1));
        visit.put("location", "14 Acacia Avenue");
        String kept = as(DemoUsers.ALICE).body(visit).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        String cancelled = as(DemoUsers.ALICE).body(session(client.id(), List.of(DemoUsers.SAM.userId()), start.plusHours(2),
                start.plusHours(3))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell")).post("/api/v1/sessions/" + cancelled + "/cancellation")
                .then().statusCode(200);

        URI url = URI.create(as(DemoUsers.SAM).post("/api/v1/sessions/calendar-feed").then().statusCode(201).extract().path("url"));
        String body = given().get(url.getPath()).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent keptEvent = events.stream().filter(e -> value(e, Property.UID).startsWith(kept)).findFirst().orElseThrow();
        VEvent cancelledEvent = events.stream().filter(e -> value(e, Property.UID).startsWith(cancelled)).findFirst()
                .orElseThrow();
        String reference = "C-" + client.id().toString().replace("-", "").substring(0, 6).toUpperCase();
        assertEquals("Therapy · " + reference, value(keptEvent, Property.SUMMARY));
        assertEquals("CONFIRMED", value(keptEvent, Property.STATUS));
        assertEquals("CANCELLED", value(cancelledEvent, Property.STATUS));
        assertFalse(body.contains("Acacia"), "no addresses in a feed");
        assertTrue(body.contains("\r\n"), "CRLF line endings");

        // Someone else's feed does not show Sam's sessions; a revoked or replaced URL stops working.
        URI replaced = URI.create(as(DemoUsers.SAM).post("/api/v1/sessions/calendar-feed").then().statusCode(201).extract().path("url"));
        given().get(url.getPath()).then().statusCode(404);
        given().get(replaced.getPath()).then().statusCode(200);
        as(DemoUsers.SAM).delete("/api/v1/sessions/calendar-feed").then().statusCode(204);
        given().get(replaced.getPath()).then().statusCode(404);
        given().get("/api/v1/sessions/calendar/not-a-real-token-at-all-000000.ics").then().statusCode(404);
        URI alices = URI.create(as(DemoUsers.ALICE).post("/api/v1/sessions/calendar-feed").then().statusCode(201).extract().path("url"));
        assertFalse(given().get(alices.getPath()).then().statusCode(200).extract().asString().contains(kept));
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }
}
