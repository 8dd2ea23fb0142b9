package app.rapport.clients.service.privacy;

import app.rapport.clients.support.PeerServicesStub;
import app.rapport.contract.EventType;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * client-service composes the export and the audit view from every service's part (here from stand-ins for the
 * other services; the stack's SubjectAccessSystemTest runs the real ones): all parts in one document, the caller's
 * own token passed on, entries of every service merged by time, and a refusal naming the service that did not answer.
 */
@QuarkusTest
class ComposedPartsTest {

    private static final List<String> PEERS = List.of("session-service", "alliance-service", "notification-service");

    @Test
    void theExportHoldsEveryServicesPartAsTheCaller() {
        String id = registerWithAlice("Ines", "Parts");
        JsonPath export = as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.copyOf(PEERS), export.getMap("services").keySet());
        for (String service : PEERS) {
            assertEquals(service, export.getString("services.'" + service + "'.service"));
            assertEquals(List.of(id), export.getList("services.'" + service + "'.sections.held.clientId"), service);
        }
        String forwarded = PeerServicesStub.tokenSeenFor(id);
        assertTrue(forwarded.startsWith("Bearer "), forwarded);
        String claims = new String(Base64.getUrlDecoder().decode(forwarded.substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"" + DemoUsers.ALICE.userId() + "\""), "the caller's own token, not a service's: " + claims);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session-service", "alliance-service", "notification-service"})
    void anExportIsRefusedNamingTheServiceThatCouldNotAnswerAndNothingIsRecorded(String down) {
        String id = registerWithAlice("Jon", "Down");
        PeerServicesStub.answer(down, id, "down");
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/export").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:peer-unavailable"))
                .body("detail", containsString(down));
        assertEquals(0, outboxEvents(id, EventType.CLIENT_SUBJECT_ACCESS_REQUESTED), "no export announced");
        assertEquals(0, auditEntries(id, DemoUsers.ALICE.userId(), "read", "subject-access-export"), "no export recorded");
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/audit").then().statusCode(503).body("detail", containsString(down));
    }

    @Test
    void theAuditViewMergesEveryServicesEntriesNewestFirst() {
        String id = registerWithAlice("Kai", "Merged");
        PeerServicesStub.answer("session-service", id, "entries:3");
        PeerServicesStub.answer("alliance-service", id, "entries:2");
        JsonPath all = as(DemoUsers.OMAR).get("/api/v1/clients/" + id + "/audit?size=200").then().statusCode(200).extract().jsonPath();
        // client-service: the registration and this read; the stand-ins: 3 + 2 + 0.
        assertEquals(7, all.getInt("total"));
        assertEquals(List.of("client-service", "session-service", "alliance-service", "notification-service"), all.getList("services"));
        List<String> services = all.getList("items.service", String.class);
        assertEquals(2, services.stream().filter("client-service"::equals).count());
        assertEquals(3, services.stream().filter("session-service"::equals).count());
        assertEquals(2, services.stream().filter("alliance-service"::equals).count());
        List<Instant> times = all.getList("items.at", String.class).stream().map(Instant::parse).toList();
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, times, "newest first, whichever service recorded it");

        // Pages of the merged view, from one snapshot, hold each entry once.
        long asOf = all.getLong("asOf");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath one = as(DemoUsers.OMAR).get("/api/v1/clients/" + id + "/audit?size=3&page=" + page + "&asOf=" + asOf)
                    .then().statusCode(200).body("total", equalTo(7)).extract().jsonPath();
            for (int i = 0; i < one.getList("items").size(); i++) {
                paged.add(one.getString("items[" + i + "].service") + "/" + one.getString("items[" + i + "].id"));
            }
        }
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            whole.add(services.get(i) + "/" + all.getString("items[" + i + "].id"));
        }
        assertEquals(whole, paged);
        as(DemoUsers.OMAR).get("/api/v1/clients/" + id + "/audit?size=200&page=60").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
