package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.alliance.support.Events;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static app.rapport.alliance.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A session id given with an alliance operation must be one of that client's sessions, with that professional, that
 * did not fall through. The sessions are learnt from session events on the real broker; every operation that takes a
 * session id is checked against every case.
 */
@QuarkusTest
class SessionReferencesTest {

    private static final Instant START = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    EntityManager entityManager;

    /** Every alliance operation that takes a session id, as theo about his own pair with the client. */
    private static final Map<String, BiFunction<UUID, UUID, Response>> OPERATIONS = Map.of(
            "record a response", (client, session) -> {
                Map<String, Object> body = new HashMap<>();
                body.put("measureId", "rapport-session-alliance-check");
                body.put("answers", Map.of("bond", 8, "goals", 8, "approach", 8, "overall", 8));
                body.put("sessionId", session);
                return as(DemoUsers.THEO).body(body).post("/api/v1/alliance/clients/" + client + "/responses");
            },
            "record a check-in", (client, session) -> as(DemoUsers.THEO).body(Map.of(
                            "measureId", "rapport-reflective-check-in", "sessionId", session,
                            "answers", Map.of("ease", 7, "difficult-topics", 7, "own-concerns", 7, "working", 7)))
                    .post("/api/v1/alliance/clients/" + client + "/responses"),
            "create a feedback link", (client, session) -> as(DemoUsers.THEO).body(Map.of("sessionId", session))
                    .post("/api/v1/alliance/clients/" + client + "/feedback-links"));

    private record Case(String name, UUID sessionId, int status, String problemType) {
    }

    @Test
    void onlyTheClientsOwnSessionsWithTheProfessionalThatTookPlaceAreAccepted() {
        UUID client = Api.northClient();
        UUID otherClient = Api.northClient();
        UUID own = known(client, Events.scheduled(client, START, DemoUsers.THEO));
        UUID shared = known(client, Events.scheduled(client, START.minus(7, ChronoUnit.DAYS), DemoUsers.THEO, DemoUsers.ALICE));
        UUID othersSession = known(otherClient, Events.scheduled(otherClient, START, DemoUsers.THEO));
        UUID aliceOnly = known(client, Events.scheduled(client, START, DemoUsers.ALICE));
        UUID cancelled = known(client, Events.scheduled(client, START.plus(7, ChronoUnit.DAYS), DemoUsers.THEO));
        Events.sessionCancelled(cancelled, client, START.plus(7, ChronoUnit.DAYS), DemoUsers.THEO);
        UUID moved = known(client, Events.scheduled(client, START.minus(1, ChronoUnit.DAYS), DemoUsers.THEO));
        UUID movedTo = known(client, Events.sessionRescheduled(moved, client, START.minus(1, ChronoUnit.DAYS),
                START.minus(1, ChronoUnit.HOURS), DemoUsers.THEO));
        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(status(cancelled)));

        List<Case> cases = List.of(
                new Case("own session", own, 201, null),
                new Case("own session with two professionals", shared, 201, null),
                new Case("the session a moved one became", movedTo, 201, null),
                new Case("no session at all", UUID.randomUUID(), 422, "urn:rapport:problem:session-not-known"),
                new Case("another client's session", othersSession, 422, "urn:rapport:problem:session-not-known"),
                new Case("a session with another professional only", aliceOnly, 422,
                        "urn:rapport:problem:session-of-another-professional"),
                new Case("a cancelled session", cancelled, 422, "urn:rapport:problem:session-did-not-take-place"),
                new Case("a session moved to another time", moved, 422, "urn:rapport:problem:session-did-not-take-place"));

        List<Executable> checks = new ArrayList<>();
        OPERATIONS.forEach((operation, call) -> cases.forEach(c -> checks.add(() -> {
            Response answer = call.apply(client, c.sessionId());
            String what = operation + " with " + c.name() + ": " + answer.asString();
            assertEquals(c.status(), answer.statusCode(), what);
            if (c.problemType() != null) {
                assertEquals("application/problem+json", answer.contentType().split(";")[0], what);
                assertEquals(c.problemType(), answer.jsonPath().getString("type"), what);
                assertEquals(List.of("sessionId"), answer.jsonPath().getList("errors.field"), what);
                assertEquals(0, count("select count(*) from feedback_response where session_id = ?1", c.sessionId())
                        + count("select count(*) from feedback_link where session_id = ?1", c.sessionId()), what
                        + " left nothing behind");
            }
        })));
        assertAll(checks);
    }

    @Test
    void anotherClientsSessionLooksExactlyLikeOneThatDoesNotExist() {
        UUID client = Api.northClient();
        UUID otherClient = Api.northClient();
        UUID othersSession = known(otherClient, Events.scheduled(otherClient, START, DemoUsers.THEO));
        UUID nowhere = UUID.randomUUID();
        List<Executable> checks = new ArrayList<>();
        OPERATIONS.forEach((operation, call) -> checks.add(() -> {
            Response others = call.apply(client, othersSession);
            Response missing = call.apply(client, nowhere);
            assertEquals(missing.statusCode(), others.statusCode(), operation);
            assertEquals(missing.asString().replace(nowhere.toString(), "ID"),
                    others.asString().replace(othersSession.toString(), "ID"), operation);
        }));
        assertAll(checks);
    }

    @Test
    void aResponseThatOvertakesTheBookingIsAcceptedOnceTheBookingArrives() {
        UUID client = Api.northClient();
        UUID sessionId = UUID.randomUUID();
        OPERATIONS.forEach((operation, call) -> assertEquals(422, call.apply(client, sessionId).statusCode(), operation));

        Events.publish(app.rapport.contract.EventType.SESSION_SCHEDULED, client, DemoUsers.TEAM_NORTH,
                new app.rapport.contract.session.SessionScheduled(sessionId, client, List.of(DemoUsers.THEO.userId()),
                        "therapy", START, START.plusSeconds(3600), "Europe/London", null, DemoUsers.ALICE.userId()));
        known(client, sessionId);
        OPERATIONS.forEach((operation, call) -> assertEquals(201, call.apply(client, sessionId).statusCode(), operation));
    }

    @Test
    void theSessionsGoWithTheErasedClientAndLateSessionEventsBringNothingBack() {
        UUID client = Api.northClient();
        UUID sessionId = known(client, Events.scheduled(client, START, DemoUsers.THEO));
        Events.erased(client);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").statusCode() == 404);
        assertEquals(0, count("select count(*) from session_ref where client_id = ?1", client));
        assertEquals(0, count("select count(*) from session_ref_professional where session_id = ?1", sessionId));

        var late = Events.publish(app.rapport.contract.EventType.SESSION_SCHEDULED, client, DemoUsers.TEAM_NORTH,
                new app.rapport.contract.session.SessionScheduled(UUID.randomUUID(), client,
                        List.of(DemoUsers.THEO.userId()), "therapy", START, START.plusSeconds(3600), "Europe/London", null,
                        DemoUsers.ALICE.userId()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from processed_event where event_id = ?1", late.id()) == 1);
        assertEquals(0, count("select count(*) from session_ref where client_id = ?1", client));
        OPERATIONS.forEach((operation, call) -> assertEquals(404, call.apply(client, sessionId).statusCode(), operation));
    }

    @Test
    void aSessionEventRedeliveredOrMetFirstLaterLeavesOneRow() {
        UUID client = Api.northClient();
        UUID sessionId = UUID.randomUUID();
        // A session booked before the read model existed is first met when it is attended.
        Events.publish(app.rapport.contract.EventType.SESSION_ATTENDED, client, DemoUsers.TEAM_NORTH,
                new app.rapport.contract.session.SessionAttended(sessionId, client, List.of(DemoUsers.THEO.userId()),
                        "therapy", START, 0, List.of(new app.rapport.contract.session.PairHistory(
                        DemoUsers.THEO.userId(), null, null)), DemoUsers.THEO.userId()));
        known(client, sessionId);
        assertEquals("attended", status(sessionId));
        assertEquals(1, count("select count(*) from session_ref_professional where session_id = ?1", sessionId));
        OPERATIONS.forEach((operation, call) -> assertEquals(201, call.apply(client, sessionId).statusCode(), operation));
    }

    private UUID known(UUID client, UUID sessionId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("select count(*) from session_ref where session_id = ?1 and client_id = ?2", sessionId, client) == 1);
        return sessionId;
    }

    private String status(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select status from session_ref where session_id = ?1").setParameter(1, sessionId).getResultStream()
                .findFirst().orElse(null));
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
