package app.rapport.sessions.access;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.sessions.support.CareCircleEvents;
import app.rapport.sessions.support.Slots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access matrix for schedule and attendance, decided from the read model built from the real topic. */
@QuarkusTest
class CareCircleAuthorizationTest {

    @Inject
    EntityManager entityManager;

    private static String book(UUID client, List<String> professionals, LocalDate day, int hour) {
        return as(DemoUsers.ALICE).body(session(client, professionals, day.atTime(hour, 0), day.atTime(hour + 1, 0)))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachRelationshipSeesWhatTheMatrixAllowsAndNoMore() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        UUID theoMember = client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        client.join(DemoUsers.SAM.userId(), CareTeamRole.SUPPORT_WORKER);
        client.join(DemoUsers.SOPHIE.userId(), CareTeamRole.SOLICITOR);
        LocalDate day = Slots.futureDay();
        String therapy = book(client.id(), List.of(DemoUsers.THEO.userId()), day, 9);
        String visit = book(client.id(), List.of(DemoUsers.ALICE.userId(), DemoUsers.SAM.userId()), day, 14);
        String timeline = "/api/v1/sessions/clients/" + client.id() + "?from=" + day.minusDays(1) + "T00:00:00Z&to="
                + day.plusDays(1) + "T00:00:00Z";

        as(DemoUsers.ALICE).get(timeline).then().statusCode(200).body("", hasSize(2));
        as(DemoUsers.THEO).get(timeline).then().statusCode(200).body("", hasSize(2));
        as(DemoUsers.TARA).get(timeline).then().statusCode(200).body("", hasSize(2));

        // Support worker: only the sessions they take part in; the other is as good as absent.
        as(DemoUsers.SAM).get(timeline).then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(visit));
        as(DemoUsers.SAM).get("/api/v1/sessions/" + visit).then().statusCode(200);
        as(DemoUsers.SAM).get("/api/v1/sessions/" + therapy).then().statusCode(404)
                .contentType("application/problem+json");

        // No relationship: the same 404 as for a client that does not exist.
        as(DemoUsers.BILAL).get(timeline).then().statusCode(404).body("title", equalTo("Not found"));
        as(DemoUsers.BILAL).get("/api/v1/sessions/" + therapy).then().statusCode(404);
        as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + UUID.randomUUID()).then().statusCode(404);
        as(DemoUsers.OMAR).get(timeline).then().statusCode(403);

        // Solicitor: schedule and attendance only with consent, and never where sessions take place.
        as(DemoUsers.SOPHIE).get(timeline).then().statusCode(403).body("detail", containsString("consented"));
        client.grant(DataCategory.SCHEDULE, CareTeamRole.SOLICITOR);
        as(DemoUsers.SOPHIE).get(timeline).then().statusCode(200).body("", hasSize(2))
                .body("[0].status", equalTo("scheduled")).body("[0].location", nullValue());
        as(DemoUsers.ALICE).get("/api/v1/sessions/" + therapy).then().statusCode(200).body("location", notNullValue());
        client.withdraw(DataCategory.SCHEDULE, CareTeamRole.SOLICITOR);
        as(DemoUsers.SOPHIE).get(timeline).then().statusCode(403);

        // Members cannot book; professionals outside the care team cannot be booked.
        as(DemoUsers.SAM).body(session(client.id(), List.of(DemoUsers.SAM.userId()), day.atTime(17, 0), day.atTime(18, 0)))
                .post("/api/v1/sessions").then().statusCode(403);
        as(DemoUsers.ALICE).body(session(client.id(), List.of(DemoUsers.BILAL.userId()), day.atTime(17, 0), day.atTime(18, 0)))
                .post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("professionalIds"));

        // Diaries: each professional's own sessions.
        String diary = "/api/v1/sessions/diary?from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z";
        as(DemoUsers.THEO).get(diary).then().statusCode(200).body("id", equalTo(List.of(therapy)));
        as(DemoUsers.SAM).get(diary).then().statusCode(200).body("id", equalTo(List.of(visit)));

        // Someone who left the care circle sees nothing more.
        client.leave(theoMember, DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        as(DemoUsers.THEO).get(diary).then().statusCode(200).body("", hasSize(0));
        as(DemoUsers.THEO).get(timeline).then().statusCode(404);
        as(DemoUsers.THEO).get("/api/v1/sessions/" + therapy).then().statusCode(404);
    }

    @Test
    void aTeamLeadSeesTheirOwnTeamsClientsOnly() {
        CareCircleEvents south = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_SOUTH, DemoUsers.BILAL.userId());
        south.join(DemoUsers.BILAL.userId(), CareTeamRole.CASE_MANAGER);
        as(DemoUsers.BILAL).get("/api/v1/sessions/clients/" + south.id()).then().statusCode(200);
        as(DemoUsers.TARA).get("/api/v1/sessions/clients/" + south.id()).then().statusCode(404);
    }

    @Test
    void aSeriesOrContractOfSomeoneElsesClientIsNotFoundWithoutSayingWhoseItIs() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        LocalDate day = Slots.futureDay();
        String series = as(DemoUsers.ALICE).body(Map.of("first", session(client.id(), List.of(DemoUsers.THEO.userId()),
                        day.atTime(7, 0), day.atTime(7, 50)), "rrule", "FREQ=WEEKLY;COUNT=2"))
                .post("/api/v1/sessions/series").then().statusCode(201).extract().path("id");
        String contract = as(DemoUsers.ALICE).body(Map.of("clientId", client.id().toString(),
                        "professionalId", DemoUsers.THEO.userId(), "sessionsAgreed", 6))
                .post("/api/v1/sessions/contracts").then().statusCode(201).extract().path("id");

        // Someone with no relationship learns only that what they named does not exist for them.
        as(DemoUsers.BILAL).body(Map.of("from", day.toString(), "by", "client", "reason", "unwell"))
                .post("/api/v1/sessions/series/" + series + "/cancellation").then().statusCode(404)
                .body("detail", equalTo("Series " + series + " was not found"))
                .body(not(containsString(client.id().toString())));
        as(DemoUsers.BILAL).body(Map.of("from", day.toString(), "start", "14:00", "end", "15:00"))
                .post("/api/v1/sessions/series/" + series + "/retime").then().statusCode(404)
                .body(not(containsString(client.id().toString())));
        as(DemoUsers.BILAL).body(Map.of("kind", "planned"))
                .post("/api/v1/sessions/contracts/" + contract + "/ending").then().statusCode(404)
                .body("detail", equalTo("Contract " + contract + " was not found"))
                .body(not(containsString(client.id().toString())));
    }

    @Test
    void anErasedClientsSessionsAndReadModelAreGone() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        String session = book(client.id(), List.of(DemoUsers.THEO.userId()), Slots.futureDay(), 11);
        assertEquals(1, count("select count(*) from session where client_id = ?1", client.id()));

        client.erase();

        as(DemoUsers.ALICE).get("/api/v1/sessions/" + session).then().statusCode(404);
        as(DemoUsers.ALICE).get("/api/v1/sessions/clients/" + client.id()).then().statusCode(404);
        for (String table : List.of("session", "session_professional", "care_member", "care_client", "care_consent")) {
            assertEquals(0, count("select count(*) from " + table + " where client_id = ?1", client.id()), table);
        }
    }

    private long count(String sql, UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, clientId).getSingleResult()).longValue());
    }
}
