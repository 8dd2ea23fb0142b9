package app.rapport.clients.service.privacy;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.clients.domain.ErasureRecord;
import app.rapport.clients.domain.IdempotencyKey;
import app.rapport.clients.domain.LitigationMilestone;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientErased;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.firmActs;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.publishedEvents;
import static app.rapport.clients.support.Fixtures.recordsKeptFor;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ErasureTest {

    private static final String REASON = "{\"reason\":\"Client's erasure request under Article 17, received by letter\"}";

    @AfterEach
    void probeBehaves() {
        ProbeSection.failErasureOf = null;
    }

    private static String client(String clientId) {
        return "/api/v1/clients/" + clientId;
    }

    private static Client load(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> Client.findById(UUID.fromString(clientId)));
    }

    private static void discharge(String clientId) {
        as(DemoUsers.ALICE).body("{\"ending\":\"planned\"}").post(client(clientId) + "/discharge").then().statusCode(200);
    }

    private static ValidatableResponse erase(DemoUser as, String clientId) {
        return as(as).body(REASON).post(client(clientId) + "/erasure").then();
    }

    /** A refusal changes nothing: the client keeps their data and no event or audit entry is written. */
    private static void assertNothingErased(String clientId, long auditBefore) {
        Client client = load(clientId);
        assertNotNull(client.givenName);
        assertNull(client.erasedAt);
        assertTrue(client.status != ClientStatus.ERASED);
        assertEquals(0, outboxEvents(clientId, EventType.CLIENT_ERASED));
        assertEquals(auditBefore, auditEntries(clientId));
    }

    /** Columns that identify nobody and stay after erasure; every other column of the client row must be empty. */
    private static final Set<String> KEPT = Set.of("id", "reference", "organisationId", "teamId", "status", "erasedAt",
            "erasedBy", "registeredBy", "registeredAt", "recordsRetention", "version");

    /** Checks every column, so a personal column added later and forgotten by erasure fails this test. */
    private static Set<String> columnsStillHoldingData(Client client) {
        Set<String> filled = new TreeSet<>();
        for (Field field : Client.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || KEPT.contains(field.getName())) {
                continue;
            }
            try {
                Object value = field.get(client);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    filled.add(field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return filled;
    }

    @Test
    void refusedWhileTheClaimIsOpen() {
        String id = registerWithAlice("Farah", "Said");
        firmActs(id, "trial-listed");
        discharge(id);
        recordsKeptFor(id, "P0D");
        long auditBefore = auditEntries(id);

        erase(DemoUsers.OMAR, id).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:legal-hold"))
                .body("detail", containsString("trial-listed"))
                .body("detail", containsString(DemoUsers.LAW_FIRM));
        assertNothingErased(id, auditBefore);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ClientCase.of(UUID.fromString(id)).isPresent()));
    }

    @Test
    void refusedWhileTheClientIsStillSupported() {
        String id = registerWithAlice("Gustav", "Berg");
        recordsKeptFor(id, "P0D");
        long auditBefore = auditEntries(id);

        erase(DemoUsers.ALICE, id).statusCode(409)
                .body("type", equalTo("urn:rapport:problem:not-discharged"))
                .body("detail", containsString("Discharge the client first"));
        assertNothingErased(id, auditBefore);
    }

    @Test
    void refusedWithinTheRecordKeepingPeriodSayingUntilWhen() {
        String id = registerWithAlice("Hiroshi", "Mori");
        discharge(id);
        long auditBefore = auditEntries(id);
        LocalDate keepUntil = CareDays.today().plusYears(8);

        erase(DemoUsers.OMAR, id).statusCode(409)
                .body("type", equalTo("urn:rapport:problem:retention-period"))
                .body("detail", containsString("P8Y"))
                .body("detail", containsString(keepUntil.toString()));
        assertNothingErased(id, auditBefore);
    }

    @Test
    void onlyTheCaseManagerOrTheOrganisationsAdminMayErase() {
        String id = registerWithAlice("Ines", "Duarte");
        discharge(id);
        recordsKeptFor(id, "P0D");
        long auditBefore = auditEntries(id);

        erase(DemoUsers.TARA, id).statusCode(403);
        erase(DemoUsers.THEO, id).statusCode(403);
        erase(DemoUsers.BILAL, id).statusCode(404).body(not(containsString("Ines")));
        as(DemoUsers.ALICE).body("{\"reason\":\"  \"}").post(client(id) + "/erasure").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertNothingErased(id, auditBefore);
    }

    @Test
    void aFailingSectionLeavesEverythingAsItWas() {
        String id = registerWithAlice("Jonas", "Vogel");
        firmActs(id, "concluded");
        discharge(id);
        recordsKeptFor(id, "P0D");
        long auditBefore = auditEntries(id);
        ProbeSection.failErasureOf = UUID.fromString(id);

        erase(DemoUsers.OMAR, id).statusCode(500);

        assertNothingErased(id, auditBefore);
        // The case section ran before the probe failed; its deletions were rolled back with the rest.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ClientCase.of(UUID.fromString(id)).isPresent()));
        assertEquals(ClientStatus.DISCHARGED, load(id).status);
    }

    @Test
    void afterTheClaimEndsAndTheRecordsPeriodIsOverTheClientIsErasedEverywhere() {
        String id = registerWithAlice("Kamala", "Reddy");
        String reference = load(id).reference;
        firmActs(id, "trial-listed");
        as(DemoUsers.SOPHIE).header("Idempotency-Key", "close-" + id)
                .body("{\"kind\":\"case-closed\",\"occurredOn\":\"" + CareDays.today().minusDays(1) + "\",\"note\":\"Judgment for the claimant\"}")
                .post(client(id) + "/case/milestones").then().statusCode(201);
        discharge(id);
        recordsKeptFor(id, "P0D");

        erase(DemoUsers.OMAR, id).statusCode(200)
                .body("status", equalTo("erased"))
                .body("reference", equalTo(reference))
                .body("erasedBy", equalTo(DemoUsers.OMAR.userId()));

        // Only the ids are left on the client row; the case and milestones are gone.
        Client erased = load(id);
        assertEquals(ClientStatus.ERASED, erased.status);
        assertEquals(reference, erased.reference);
        assertEquals(DemoUsers.ORGANISATION, erased.organisationId);
        assertEquals(DemoUsers.TEAM_NORTH, erased.teamId);
        assertEquals(DemoUsers.OMAR.userId(), erased.erasedBy);
        assertNotNull(erased.erasedAt);
        assertEquals(Set.of(), columnsStillHoldingData(erased), "columns left filled after erasure");
        UUID clientId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(ClientCase.of(clientId).isEmpty());
            assertEquals(0, LitigationMilestone.count("clientId", clientId));
            assertEquals(0, IdempotencyKey.count("clientId", clientId));
            ErasureRecord record = ErasureRecord.findById(clientId);
            assertTrue(record.reason.contains("Article 17"));
        });

        // 404 everywhere, for everyone, with nothing in the body.
        for (DemoUser user : new DemoUser[]{DemoUsers.ALICE, DemoUsers.TARA}) {
            as(user).get(client(id)).then().statusCode(404).body(not(containsString("Kamala")));
            as(user).get(client(id) + "/case").then().statusCode(404);
            as(user).get(client(id) + "/case/milestones").then().statusCode(404);
            as(user).get(client(id) + "/export").then().statusCode(404);
            as(user).body("{\"ending\":\"planned\"}").post(client(id) + "/discharge").then().statusCode(404);
            as(user).get("/api/v1/clients?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        as(DemoUsers.SOPHIE).get(client(id)).then().statusCode(404);
        erase(DemoUsers.OMAR, id).statusCode(404);

        // The history is still there for those who answer for it, including the erasure itself.
        as(DemoUsers.OMAR).get(client(id) + "/audit?size=200").then().statusCode(200)
                .body("items.resource", hasItem("erasure"))
                .body("items.resource", hasItem("litigation-milestone"))
                .body("items.actorId", hasItem(DemoUsers.SOPHIE.userId()));
        as(DemoUsers.TARA).get(client(id) + "/audit").then().statusCode(200);

        ClientErased data = publishedEvents(id, EventType.CLIENT_ERASED, 1).get(0).dataAs(ClientErased.class);
        assertEquals(clientId, data.clientId());
        assertEquals(DemoUsers.OMAR.userId(), data.erasedBy());
    }
}
