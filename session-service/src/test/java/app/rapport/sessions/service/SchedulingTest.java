package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Booking one-off sessions: times and zones, refusals, and the double-booking rule under concurrency. */
@QuarkusTest
class SchedulingTest {

    @Inject
    EntityManager entityManager;

    /** A client of Alice's with a therapist of its own, so these tests' diaries never meet other tests'. */
    private record Setup(CareCircleEvents client, String therapist) {
    }

    private static Setup setup() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        return new Setup(client, therapist);
    }

    private static Map<String, Object> body(Setup s, LocalDateTime start, LocalDateTime end) {
        return session(s.client().id(), List.of(s.therapist()), start, end);
    }

    @Test
    void theInstantAndTheZoneAreStoredAndShownInTheSessionsOwnTime() {
        Setup s = setup();
        as(DemoUsers.ALICE).body(body(s, LocalDateTime.parse("2036-07-01T10:00"), LocalDateTime.parse("2036-07-01T11:00")))
                .post("/api/v1/sessions").then().statusCode(201)
                .header("Location", containsString("/api/v1/sessions/"))
                .body("timeZone", equalTo("Europe/London"))
                .body("start", equalTo("2036-07-01T10:00:00+01:00"))
                .body("localStart", equalTo("2036-07-01T10:00:00"))
                .body("status", equalTo("scheduled"));
        as(DemoUsers.ALICE).body(body(s, LocalDateTime.parse("2036-12-01T10:00"), LocalDateTime.parse("2036-12-01T11:00")))
                .post("/api/v1/sessions").then().statusCode(201)
                .body("start", equalTo("2036-12-01T10:00:00Z"));
        Map<String, Object> newYork = body(s, LocalDateTime.parse("2036-07-02T10:00"), LocalDateTime.parse("2036-07-02T11:30"));
        newYork.put("timeZone", "America/New_York");
        String id = as(DemoUsers.ALICE).body(newYork).post("/api/v1/sessions").then().statusCode(201)
                .body("start", equalTo("2036-07-02T10:00:00-04:00")).extract().path("id");
        Object stored = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || time_zone from session where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertEquals("2036-07-02 14:00 America/New_York", stored);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Setup s = setup();
        LocalDateTime ten = LocalDateTime.parse("2036-05-05T10:00");
        refused(body(s, ten, ten.minusMinutes(30)), "end", "must be after start");
        refused(body(s, ten, ten), "end", "0 minutes");
        refused(body(s, ten, ten.plusHours(13)), "end", "at most 12 h");
        Map<String, Object> mars = body(s, ten, ten.plusHours(1));
        mars.put("timeZone", "Mars/Olympus_Mons");
        refused(mars, "timeZone", "unknown time zone");
        Map<String, Object> offset = body(s, ten, ten.plusHours(1));
        offset.put("timeZone", "+01:00");
        refused(offset, "timeZone", "IANA");
        // 01:30 on the last Sunday of March 2036 never happens in London.
        refused(body(s, LocalDateTime.parse("2036-03-30T01:30"), LocalDateTime.parse("2036-03-30T02:30")), "start", "does not exist");
        Map<String, Object> unknownField = body(s, ten, ten.plusHours(1));
        unknownField.put("colour", "blue");
        as(DemoUsers.ALICE).body(unknownField).post("/api/v1/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("colour"));
        Map<String, Object> badType = body(s, ten, ten.plusHours(1));
        badType.put("type", "yoga");
        as(DemoUsers.ALICE).body(badType).post("/api/v1/sessions").then().statusCode(400).body("detail", containsString("type"));
        Map<String, Object> noClient = body(s, ten, ten.plusHours(1));
        noClient.remove("clientId");
        as(DemoUsers.ALICE).body(noClient).post("/api/v1/sessions").then().statusCode(400);
        Map<String, Object> badLink = body(s, ten, ten.plusHours(1));
        badLink.put("remoteLink", "javascript:alert(1)");
        as(DemoUsers.ALICE).body(badLink).post("/api/v1/sessions").then().statusCode(400);

        assertEquals(0L, sessionsOf(s.client().id()));
    }

    private static void refused(Map<String, Object> body, String field, String message) {
        as(DemoUsers.ALICE).body(body).post("/api/v1/sessions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void anOverlappingBookingIsRefusedNamingTheClash() {
        Setup s = setup();
        Setup other = setup();
        other.client().join(s.therapist(), CareTeamRole.THERAPIST);
        LocalDateTime ten = LocalDateTime.parse("2036-06-10T10:00");
        String first = as(DemoUsers.ALICE).body(body(s, ten, ten.plusHours(1))).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("id");

        // Another client, same therapist, half an hour later: refused, naming the therapist and the session.
        as(DemoUsers.ALICE).body(session(other.client().id(), List.of(other.therapist(), s.therapist()), ten.plusMinutes(30),
                        ten.plusMinutes(90))).post("/api/v1/sessions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:double-booking"))
                .body("detail", allOf(containsString(s.therapist()), containsString(first)));
        assertEquals(0L, sessionsOf(other.client().id()), "nothing written");

        // Back to back is fine, and so is another professional at the same time.
        as(DemoUsers.ALICE).body(body(s, ten.plusHours(1), ten.plusHours(2))).post("/api/v1/sessions").then().statusCode(201);
        as(DemoUsers.ALICE).body(session(other.client().id(), List.of(other.therapist()), ten, ten.plusHours(1)))
                .post("/api/v1/sessions").then().statusCode(201);

        // A cancelled session gives its time back.
        as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell")).post("/api/v1/sessions/" + first + "/cancellation")
                .then().statusCode(200);
        as(DemoUsers.ALICE).body(body(s, ten.plusMinutes(15), ten.plusMinutes(45))).post("/api/v1/sessions").then().statusCode(201);
    }

    @Test
    void tenConcurrentRequestsForTheSameSlotBookExactlyOne() throws Exception {
        Setup s = setup();
        LocalDateTime nine = LocalDateTime.parse("2036-06-11T09:00");
        String token = Tokens.of(DemoUsers.ALICE);
        int requests = 10;
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                // Different but overlapping slots, so the database constraint is what decides.
                Map<String, Object> body = body(s, nine.plusMinutes(i), nine.plusMinutes(60 + i));
                Callable<Integer> call = () -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                            .post("/api/v1/sessions").then().extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(120, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(code -> code == 201).count(), statuses.toString());
            assertEquals(requests - 1, statuses.stream().filter(code -> code == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, sessionsOf(s.client().id()));
    }

    private long sessionsOf(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from session where client_id = ?1").setParameter(1, clientId).getSingleResult()).longValue());
    }
}
