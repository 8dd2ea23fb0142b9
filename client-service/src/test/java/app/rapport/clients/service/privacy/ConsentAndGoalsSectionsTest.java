package app.rapport.clients.service.privacy;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.registerClient;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The consent and goals parts of subject-access export and erasure. */
@QuarkusTest
class ConsentAndGoalsSectionsTest {

    @Inject
    @Any
    Instance<PersonalDataSection> sections;

    private PersonalDataSection section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no personal-data section " + name));
    }

    @SuppressWarnings("unchecked")
    @Test
    void exportHoldsTheClientsConsentAndGoalsAndErasureRemovesThem() {
        String clientId = registerClient(DemoUsers.ALICE, "Uma");
        UUID client = UUID.fromString(clientId);
        joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        String other = registerClient(DemoUsers.ALICE, "Val");
        String consent = "{\"category\":\"goals\",\"recipientRole\":\"family\",\"decision\":\"granted\",\"note\":\"Mum may know\"}";
        as(DemoUsers.ALICE).body(consent).post("/api/v1/clients/" + clientId + "/consent").then().statusCode(201);
        as(DemoUsers.ALICE).body(consent).post("/api/v1/clients/" + other + "/consent").then().statusCode(201);
        as(DemoUsers.ALICE).body("{\"sharedWith\":\"Case team and GP\",\"retention\":\"P6Y\",\"agreedOn\":\"2026-01-05\"}")
                .put("/api/v1/clients/" + clientId + "/consent/record-keeping").then().statusCode(200);
        String goalId = as(DemoUsers.THEO).body("{\"statement\":\"Swim a length\",\"tasks\":[\"Hydrotherapy weekly\"],"
                        + "\"agreedBy\":[\"" + DemoUsers.THEO.userId() + "\"]}")
                .post("/api/v1/clients/" + clientId + "/goals").then().statusCode(201).extract().path("id");
        as(DemoUsers.THEO).body("{\"note\":\"Half a length\",\"progressPercent\":50}")
                .post("/api/v1/clients/" + clientId + "/goals/" + goalId + "/progress").then().statusCode(201);
        as(DemoUsers.ALICE).body("{\"statement\":\"Swim a mile\",\"agreedBy\":[\"" + DemoUsers.ALICE.userId() + "\"]}")
                .post("/api/v1/clients/" + other + "/goals").then().statusCode(201);

        Map<String, Object> consentExport = QuarkusTransaction.requiringNew().call(
                () -> (Map<String, Object>) section("consent").export(client));
        assertEquals(Map.of("sharedWith", "Case team and GP", "retention", "P6Y", "agreedOn", "2026-01-05"),
                consentExport.get("recordKeeping"));
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) consentExport.get("decisions");
        assertEquals(List.of("Mum may know"), decisions.stream().map(d -> d.get("note")).toList());

        List<Map<String, Object>> goals = QuarkusTransaction.requiringNew().call(
                () -> (List<Map<String, Object>>) section("goals").export(client));
        assertEquals(1, goals.size());
        assertEquals("Swim a length", goals.get(0).get("statement"));
        assertEquals(List.of("Hydrotherapy weekly"), goals.get(0).get("tasks"));
        assertEquals(List.of("Half a length"),
                ((List<Map<String, Object>>) goals.get(0).get("progress")).stream().map(p -> p.get("note")).toList());

        QuarkusTransaction.requiringNew().run(() -> {
            section("consent").erase(client);
            section("goals").erase(client);
        });

        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> section("goals").export(client)));
        Map<String, Object> erased = QuarkusTransaction.requiringNew().call(
                () -> (Map<String, Object>) section("consent").export(client));
        assertEquals(List.of(), erased.get("decisions"));
        assertEquals(null, ((Map<String, Object>) erased.get("recordKeeping")).get("sharedWith"));
        assertEquals(0L, rows("select count(*) from goal_task where goal_id = ?1", UUID.fromString(goalId)));
        assertEquals(0L, rows("select count(*) from goal_agreed_by where goal_id = ?1", UUID.fromString(goalId)));
        assertEquals(0L, rows("select count(*) from goal_progress where client_id = ?1", client));
        // The other client's data is untouched.
        assertEquals(1, ((List<?>) QuarkusTransaction.requiringNew().call(() -> section("goals").export(UUID.fromString(other)))).size());
        assertEquals(1L, rows("select count(*) from consent_record where client_id = ?1", UUID.fromString(other)));
    }

    private static long rows(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
