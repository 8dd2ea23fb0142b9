package app.rapport.sessions.service;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notes are for their author and the client's case manager only, never leave in events, and every read is audited. */
@QuarkusTest
class SessionNotesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void onlyTheAuthorAndTheCaseManagerReadNotesAndEveryReadIsAudited() {
        CareCircleEvents client = CareCircleEvents.withWholeNorthCircle();
        client.grant(DataCategory.SCHEDULE, CareTeamRole.SOLICITOR);
        LocalDate day = Slots.futureDay();
        String session = as(DemoUsers.ALICE).body(session(client.id(), List.of(DemoUsers.THEO.userId(), DemoUsers.SAM.userId()),
                day.atTime(12, 0), day.atTime(13, 0))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        String notes = "/api/v1/sessions/" + session + "/notes";
        String secret = "Discussed the flashbacks " + UUID.randomUUID();

        as(DemoUsers.THEO).body(Map.of("text", secret)).post(notes).then().statusCode(201)
                .body("authorId", equalTo(DemoUsers.THEO.userId()));
        as(DemoUsers.ALICE).body(Map.of("text", "Case manager's own note")).post(notes).then().statusCode(201);
        as(DemoUsers.SAM).body(Map.of("text", "Support worker's note")).post(notes).then().statusCode(403);
        as(DemoUsers.ALICE).body(Map.of("text", " ")).post(notes).then().statusCode(400);
        // Control characters (NUL cannot even be stored) are refused by name; line breaks and tabs are the writer's own.
        as(DemoUsers.ALICE).body(Map.of("text", "nul\u0000 and bell\u0007")).post(notes).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        as(DemoUsers.ALICE).urlEncodingEnabled(false).get("/api/v1/sessions/busy/a%00b").then().statusCode(400)
                .contentType("application/problem+json");

        long auditedBefore = audited(client.id());
        as(DemoUsers.ALICE).get(notes).then().statusCode(200).body("", hasSize(2)).body("[0].text", equalTo(secret));
        as(DemoUsers.THEO).get(notes).then().statusCode(200).body("", hasSize(1)).body("[0].text", equalTo(secret));
        assertEquals(auditedBefore + 2, audited(client.id()), "both reads are in the audit log");

        as(DemoUsers.SAM).get(notes).then().statusCode(403);
        as(DemoUsers.SOPHIE).get(notes).then().statusCode(403);
        as(DemoUsers.TARA).get(notes).then().statusCode(403);
        as(DemoUsers.BILAL).get(notes).then().statusCode(404);
        as(DemoUsers.SOPHIE).get("/api/v1/sessions/" + session).then().statusCode(200);

        long leaked = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where envelope::text like ?1").setParameter(1, "%" + secret.substring(26) + "%")
                .getSingleResult()).longValue());
        assertEquals(0, leaked, "notes never travel in events");
    }

    private long audited(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from audit_entry where client_id = ?1 and action = 'read' and resource like 'session-notes:%'")
                .setParameter(1, clientId).getSingleResult()).longValue());
    }
}
