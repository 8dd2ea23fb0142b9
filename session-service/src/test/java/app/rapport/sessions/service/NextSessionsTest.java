package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import app.rapport.sessions.support.Slots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/sessions/next: each visible client's next scheduled session in one request, nothing about the rest. */
@QuarkusTest
class NextSessionsTest {

    @Inject
    EntityManager entityManager;

    private static String book(DemoUser by, UUID client, List<String> professionals, LocalDate day, int hour) {
        return as(by).body(session(client, professionals, day.atTime(hour, 0), day.atTime(hour, 50)))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse next(DemoUser user, UUID... clients) {
        String query = java.util.Arrays.stream(clients).map(c -> "clientId=" + c).collect(Collectors.joining("&"));
        return as(user).get("/api/v1/sessions/next?" + query).then();
    }

    @Test
    void eachVisibleClientsNextScheduledSessionSoonestFirstAndNothingOfTheOthers() {
        CareCircleEvents shared = CareCircleEvents.withWholeNorthCircle();
        CareCircleEvents alicesOwn = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        alicesOwn.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        CareCircleEvents south = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_SOUTH, DemoUsers.BILAL.userId());
        south.join(DemoUsers.BILAL.userId(), CareTeamRole.CASE_MANAGER);

        LocalDate first = Slots.futureDay();
        LocalDate second = Slots.futureDay();
        // The shared client: a cancelled session first, then Theo's, then one Sam takes part in; a later one too.
        String cancelled = book(DemoUsers.ALICE, shared.id(), List.of(DemoUsers.THEO.userId()), first, 8);
        as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell"))
                .post("/api/v1/sessions/" + cancelled + "/cancellation").then().statusCode(200);
        String theos = book(DemoUsers.ALICE, shared.id(), List.of(DemoUsers.THEO.userId()), first, 11);
        String samsVisit = book(DemoUsers.ALICE, shared.id(), List.of(DemoUsers.ALICE.userId(), DemoUsers.SAM.userId()), first, 14);
        book(DemoUsers.ALICE, shared.id(), List.of(DemoUsers.THEO.userId()), second, 11);
        // Alice's own client: one in the past that was never recorded (not "next"), and one on the second day.
        book(DemoUsers.ALICE, alicesOwn.id(), List.of(DemoUsers.ALICE.userId()), Slots.pastDay(), 9);
        String alicesNext = book(DemoUsers.ALICE, alicesOwn.id(), List.of(DemoUsers.ALICE.userId()), second, 16);
        String southNext = book(DemoUsers.BILAL, south.id(), List.of(DemoUsers.BILAL.userId()), first, 10);
        UUID unknown = UUID.randomUUID();

        // Soonest first; the other team's client and an unknown id are simply absent.
        next(DemoUsers.ALICE, alicesOwn.id(), shared.id(), south.id(), unknown).statusCode(200)
                .body("id", equalTo(List.of(theos, alicesNext)))
                .body("clientId", equalTo(List.of(shared.id().toString(), alicesOwn.id().toString())))
                .body("[0].status", equalTo("scheduled"))
                .body("[0].professionalIds", equalTo(List.of(DemoUsers.THEO.userId())))
                .body(not(containsString(south.id().toString()))).body(not(containsString(southNext)));

        // A therapist sees every session of their client; a support worker only those they take part in.
        next(DemoUsers.THEO, shared.id(), alicesOwn.id()).statusCode(200).body("id", equalTo(List.of(theos)));
        next(DemoUsers.SAM, shared.id(), alicesOwn.id()).statusCode(200).body("id", equalTo(List.of(samsVisit)));

        // A team lead sees their own team's clients, as for the timeline.
        next(DemoUsers.TARA, shared.id(), south.id()).statusCode(200).body("id", equalTo(List.of(theos)));
        next(DemoUsers.BILAL, shared.id(), alicesOwn.id()).statusCode(200).body("", hasSize(0));

        // A solicitor: with consent only, and never where.
        next(DemoUsers.SOPHIE, shared.id()).statusCode(200).body("", hasSize(0));
        shared.grant(DataCategory.SCHEDULE, CareTeamRole.SOLICITOR);
        next(DemoUsers.SOPHIE, shared.id()).statusCode(200).body("id", equalTo(List.of(theos)))
                .body("[0].location", nullValue());
        next(DemoUsers.ALICE, shared.id()).statusCode(200).body("[0].location", equalTo("Clinic room 2"));

        // Organisation admins have no caseload.
        next(DemoUsers.OMAR, shared.id()).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingMalformedAndTooManyIdsAreRefusedByName() {
        as(DemoUsers.ALICE).get("/api/v1/sessions/next").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId")).body("errors[0].message", containsString("at least one"));
        next(DemoUsers.ALICE, UUID.randomUUID()).statusCode(200).body("", hasSize(0));
        as(DemoUsers.ALICE).get("/api/v1/sessions/next?clientId=" + UUID.randomUUID() + "&clientId=robert'); drop table session;--")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId")).body("errors[0].message", containsString("not a client id"));

        UUID[] fifty = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toArray(UUID[]::new);
        next(DemoUsers.ALICE, fifty).statusCode(200);
        UUID[] fiftyOne = IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID()).toArray(UUID[]::new);
        next(DemoUsers.ALICE, fiftyOne).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId")).body("errors[0].message", containsString("at most 50"));
    }

    @Test
    void theLookupProbesThePartialIndexPerClient() {
        // With sequential scans priced out, the plan shows whether the query can use the partial index at all.
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery("explain " + SessionQueries.NEXT_SESSIONS)
                    .setParameter(1, new UUID[]{UUID.randomUUID(), UUID.randomUUID()}).setParameter(2, Instant.now())
                    .setParameter(3, new UUID[]{UUID.randomUUID()}).setParameter(4, DemoUsers.ALICE.userId())
                    .getResultList();
            return String.join("\n", lines);
        });
        assertTrue(plan.matches("(?s).*Limit.*Index (Only )?Scan using session_client_scheduled on session s .*"
                + "Index Cond: \\(\\(client_id = c\\.client_id\\) AND \\(starts_at >= .*"), plan);
    }
}
