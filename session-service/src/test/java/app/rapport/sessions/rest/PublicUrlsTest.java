package app.rapport.sessions.rest;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.testing.HostForgeries;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every session-service operation that answers with an absolute URL (a booking's and a reschedule's
 * {@code Location}, the calendar-feed URL) builds it from the configured public base URL, whatever the request's
 * {@code Host}, {@code X-Forwarded-*} or {@code Forwarded} headers say.
 */
@QuarkusTest
class PublicUrlsTest {

    @ConfigProperty(name = "rapport.public.base-url")
    String base;

    @Test
    void locationsAndFeedUrlsStartWithTheConfiguredBaseWhateverTheRequestSays() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        LocalDateTime start = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.HOURS).withHour(9);

        for (int i = 0; i < HostForgeries.ALL.size(); i++) {
            UnaryOperator<RequestSpecification> forge = HostForgeries.ALL.get(i);
            LocalDateTime at = start.plusDays(2L * i);

            Response booked = forge.apply(as(DemoUsers.ALICE)).body(session(client.id(), List.of(therapist), at, at.plusMinutes(50)))
                    .post("/api/v1/sessions");
            assertEquals(201, booked.statusCode(), booked.asString());
            String id = booked.path("id");
            assertEquals(base + "/api/v1/sessions/" + id, booked.header("Location"), "booking, forgery " + i);

            Response moved = forge.apply(as(DemoUsers.ALICE)).body(Map.of("start", at.plusDays(1).toString(),
                    "end", at.plusDays(1).plusMinutes(50).toString(), "requestedBy", "client"))
                    .post("/api/v1/sessions/" + id + "/reschedule");
            assertEquals(201, moved.statusCode(), moved.asString());
            assertEquals(base + "/api/v1/sessions/" + moved.path("id"), moved.header("Location"), "reschedule, forgery " + i);

            Response feed = forge.apply(as(DemoUsers.ALICE)).post("/api/v1/sessions/calendar-feed");
            assertEquals(201, feed.statusCode(), feed.asString());
            String url = feed.path("url");
            assertTrue(url.startsWith(base + "/api/v1/sessions/calendar/") && url.endsWith(".ics"), "feed, forgery " + i + ": " + url);
        }
    }
}
