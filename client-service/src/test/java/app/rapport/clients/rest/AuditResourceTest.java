package app.rapport.clients.rest;

import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditResourceTest {

    private static String audit(String clientId) {
        return "/api/v1/clients/" + clientId + "/audit";
    }

    @Test
    void readsAndWritesAreListedNewestFirstAndReadingTheLogIsAudited() {
        String id = registerWithAlice("Noor", "Aziz");
        as(DemoUsers.TARA).get("/api/v1/clients/" + id).then().statusCode(200);
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/case").then().statusCode(200);

        JsonPath page = as(DemoUsers.OMAR).get(audit(id)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("audit", "case", "profile", "profile"), page.getList("items.resource"));
        assertEquals(List.of(DemoUsers.OMAR.userId(), DemoUsers.ALICE.userId(), DemoUsers.TARA.userId(),
                DemoUsers.ALICE.userId()), page.getList("items.actorId"));
        assertEquals(List.of("read", "read", "read", "write"), page.getList("items.action"));
        assertEquals("org-admin:" + DemoUsers.ORGANISATION, page.getString("items[0].basis"));
        assertEquals(4, page.getInt("total"));
        assertEquals(4, auditEntries(id));
    }

    @Test
    void pagesComeFromASnapshotSoTheyDoNotShift() {
        String id = registerWithAlice("Orla", "Byrne");
        for (int i = 0; i < 4; i++) {
            as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().statusCode(200);
        }
        // 1 registration + 4 reads + this audit read = 6 entries.
        JsonPath first = as(DemoUsers.ALICE).get(audit(id) + "?size=4").then().statusCode(200)
                .body("items", hasSize(4)).body("total", equalTo(6)).extract().jsonPath();
        long asOf = first.getLong("asOf");
        List<Object> seen = new ArrayList<>(first.getList("items.id"));

        // Later reads (including the audit reads themselves) do not push entries from page 0 onto page 1.
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().statusCode(200);
        JsonPath second = as(DemoUsers.ALICE).get(audit(id) + "?size=4&page=1&asOf=" + asOf).then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(6)).extract().jsonPath();
        seen.addAll(second.getList("items.id"));
        assertEquals(6, seen.stream().distinct().count(), "no entry on two pages: " + seen);
        assertEquals("write", second.getString("items[1].action"), "the oldest entry (registration) comes last");
        assertTrue(auditEntries(id) >= 8);
    }

    @Test
    void onlyThoseWhoAnswerForTheRecordReadItsAudit() {
        String id = registerWithAlice("Pavel", "Novak");
        as(DemoUsers.ALICE).get(audit(id)).then().statusCode(200);
        as(DemoUsers.TARA).get(audit(id)).then().statusCode(200);
        as(DemoUsers.BILAL).get(audit(id)).then().statusCode(404);
        as(DemoUsers.THEO).get(audit(id)).then().statusCode(403);
        as(DemoUsers.ALICE).get(audit(id) + "?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
