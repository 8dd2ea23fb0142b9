package app.rapport.clients.access;

import app.rapport.platform.audit.AuditEntry;
import app.rapport.clients.support.Fixtures;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every read and write of a client's record leaves an entry saying who, what and on which basis; refusals leave none. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void readsAndWritesAreRecordedWithTheirBasis() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Audit", "Trail");
        Fixtures.addToCircle(DemoUsers.ALICE, client, DemoUsers.THEO, "therapist");
        as(DemoUsers.THEO).get("/api/v1/clients/" + client).then().statusCode(200);
        as(DemoUsers.TARA).get("/api/v1/clients/" + client + "/care-circle").then().statusCode(200);

        List<String> trail = trail(client);
        assertEquals(List.of(
                DemoUsers.ALICE.userId() + " write profile registered-by:" + DemoUsers.ALICE.userId(),
                DemoUsers.ALICE.userId() + " write care-circle care-circle:case-manager",
                DemoUsers.THEO.userId() + " read profile care-circle:therapist",
                DemoUsers.TARA.userId() + " read care-circle team-lead:" + DemoUsers.TEAM_NORTH), trail);
    }

    @Test
    void refusedAndFailedRequestsLeaveNoEntry() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Audit", "Refusals");
        int before = trail(client).size();
        as(DemoUsers.BILAL).get("/api/v1/clients/" + client).then().statusCode(404);
        as(DemoUsers.ALICE).body("{\"givenName\":\"\",\"familyName\":\"X\"}").put("/api/v1/clients/" + client).then().statusCode(400);
        as(DemoUsers.ALICE).body("{\"role\":\"therapist\",\"userId\":\"nobody\"}")
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400);
        assertEquals(before, trail(client).size());
    }

    private static List<String> trail(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("clientId = ?1 order by id", client)
                .stream().map(e -> e.actorId + " " + e.action + " " + e.resource + " " + e.basis).toList());
    }
}
