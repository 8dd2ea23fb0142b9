package app.rapport.sessions.readmodel;

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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.sessions.support.Api.as;
import static app.rapport.sessions.support.Api.session;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The read model follows team moves and ignores redeliveries; free/busy and the team view rest on it. */
@QuarkusTest
class ReadModelAndPlanningTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aClientMovingTeamsMovesTheTeamLeadsAccessAndTheTeamView() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_SOUTH, DemoUsers.BILAL.userId());
        client.join(DemoUsers.BILAL.userId(), CareTeamRole.CASE_MANAGER);
        LocalDate day = Slots.futureDay();
        String session = as(DemoUsers.BILAL).body(session(client.id(), List.of(DemoUsers.BILAL.userId()), day.atTime(8, 0),
                day.atTime(9, 0))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        String range = "?from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z";
        as(DemoUsers.TARA).get("/api/v1/sessions/" + session).then().statusCode(404);
        as(DemoUsers.TARA).get("/api/v1/sessions/teams/" + DemoUsers.TEAM_NORTH + range).then().statusCode(200).body("", hasSize(0));

        client.moveTo(DemoUsers.TEAM_NORTH);

        as(DemoUsers.TARA).get("/api/v1/sessions/" + session).then().statusCode(200);
        as(DemoUsers.TARA).get("/api/v1/sessions/teams/" + DemoUsers.TEAM_NORTH + range).then().statusCode(200)
                .body("id", equalTo(List.of(session)));
        as(DemoUsers.TARA).get("/api/v1/sessions/teams/" + DemoUsers.TEAM_SOUTH + range).then().statusCode(404);
        as(DemoUsers.ALICE).get("/api/v1/sessions/teams/" + DemoUsers.TEAM_NORTH + range).then().statusCode(403);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.grantDeliveredTwice(DataCategory.SCHEDULE, CareTeamRole.SOLICITOR);
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from care_consent where client_id = ?1").setParameter(1, client.id()).getSingleResult()).longValue());
        assertEquals(1, rows);
    }

    @Test
    void freeBusyShowsOnlyTimesAndOnlyToColleaguesOnACommonClient() {
        CareCircleEvents client = CareCircleEvents.register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        String therapist = "therapist-" + UUID.randomUUID();
        client.join(therapist, CareTeamRole.THERAPIST);
        LocalDate day = Slots.futureDay();
        as(DemoUsers.ALICE).body(session(client.id(), List.of(therapist), day.atTime(9, 0), day.atTime(10, 0)))
                .post("/api/v1/sessions").then().statusCode(201);
        String cancelled = as(DemoUsers.ALICE).body(session(client.id(), List.of(therapist), day.atTime(11, 0), day.atTime(12, 0)))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(DemoUsers.ALICE).body(Map.of("by", "client", "reason", "unwell")).post("/api/v1/sessions/" + cancelled + "/cancellation")
                .then().statusCode(200);
        String busy = "/api/v1/sessions/busy/" + therapist + "?from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z";
        String nine = day.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant().toString();

        as(DemoUsers.ALICE).get(busy).then().statusCode(200).body("", hasSize(1))
                .body("[0].start", equalTo(nine)).body("[0]", equalTo(Map.of("start", nine,
                        "end", day.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant().toString())));
        as(DemoUsers.BILAL).get(busy).then().statusCode(404);
        as(DemoUsers.ALICE).get("/api/v1/sessions/busy/" + DemoUsers.ALICE.userId()).then().statusCode(200);
    }
}
