package app.rapport.clients.rest;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.publishedEvents;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class DischargeResourceTest {

    private static String discharge(String clientId) {
        return "/api/v1/clients/" + clientId + "/discharge";
    }

    private static Client load(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> Client.findById(UUID.fromString(clientId)));
    }

    @Test
    void aPlannedEndingDischargesTheClientTodayAndPublishes() {
        String id = registerWithAlice("Beatriz", "Costa");

        as(DemoUsers.ALICE).body("{\"ending\":\"planned\",\"reason\":\"Goals met; back at work\"}").post(discharge(id))
                .then().statusCode(200)
                .body("status", equalTo("discharged"))
                .body("dischargedOn", equalTo(CareDays.today().toString()));

        Client client = load(id);
        assertEquals(ClientStatus.DISCHARGED, client.status);
        assertEquals("planned", client.dischargeEnding);
        assertEquals("Goals met; back at work", client.dischargeReason);
        assertEquals(DemoUsers.ALICE.userId(), client.dischargedBy);

        ClientDischarged data = publishedEvents(id, EventType.CLIENT_DISCHARGED, 1).get(0).dataAs(ClientDischarged.class);
        assertEquals("planned", data.ending());
        assertEquals(client.dischargedOn, data.dischargedOn());
        assertEquals(DemoUsers.ALICE.userId(), data.dischargedBy());
        assertEquals(1, auditEntries(id, DemoUsers.ALICE.userId(), "write", "discharge"));
    }

    @Test
    void dischargingTwiceIsAConflict() {
        String id = registerWithAlice("Cosmin", "Popescu");
        as(DemoUsers.TARA).body("{\"ending\":\"unplanned\"}").post(discharge(id)).then().statusCode(200);

        as(DemoUsers.ALICE).body("{\"ending\":\"planned\"}").post(discharge(id)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:already-discharged"))
                .body("detail", containsString("unplanned"));
        assertEquals("unplanned", load(id).dischargeEnding);
        assertEquals(1, outboxEvents(id, EventType.CLIENT_DISCHARGED));
    }

    @Test
    void badDischargesAreNamedAndNothingChanges() {
        String id = registerWithAlice("Dalia", "Haddad");
        long auditBefore = auditEntries(id);

        expectFieldError(id, "{}", "ending");
        expectFieldError(id, "{\"ending\":\"abandoned\"}", "ending");
        expectFieldError(id, "{\"ending\":\"planned\",\"dischargedOn\":\"" + CareDays.today().plusDays(2) + "\"}", "dischargedOn");
        expectFieldError(id, "{\"ending\":\"planned\",\"dischargedOn\":\"2001-01-01\"}", "dischargedOn");
        expectFieldError(id, "{\"ending\":\"planned\",\"reason\":\"" + "x".repeat(1001) + "\"}", "reason");

        Client client = load(id);
        assertEquals(ClientStatus.ACTIVE, client.status);
        assertNull(client.dischargedOn);
        assertEquals(0, outboxEvents(id, EventType.CLIENT_DISCHARGED));
        assertEquals(auditBefore, auditEntries(id));
    }

    @Test
    void onlyTheCaseTeamDischarges() {
        String id = registerWithAlice("Emeka", "Eze");
        joinCareCircle(id, DemoUsers.THEO, CareTeamRole.THERAPIST);

        as(DemoUsers.BILAL).body("{\"ending\":\"planned\"}").post(discharge(id)).then().statusCode(404)
                .body(containsString("not found")).body(org.hamcrest.Matchers.not(containsString("Emeka")));
        as(DemoUsers.THEO).body("{\"ending\":\"planned\"}").post(discharge(id)).then().statusCode(403);
        assertEquals(ClientStatus.ACTIVE, load(id).status);
    }

    private static void expectFieldError(String id, String body, String field) {
        as(DemoUsers.ALICE).body(body).post(discharge(id)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
