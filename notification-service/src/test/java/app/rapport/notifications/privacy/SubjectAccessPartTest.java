package app.rapport.notifications.privacy;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.subjectaccess.ClientDataTables;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notification-service's part of the subject-access export: every table with client data is exported or excluded
 * on purpose, and a row seeded in every covered table reaches the part (no webhook secret), under the export's rule.
 */
@QuarkusTest
class SubjectAccessPartTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ClientDataDefinition definition;

    /** One row in one covered table: how to write it for a client, and which section must show it under which field. */
    private record Seed(String table, String section, String field, String insert) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("notification", "notifications", "id", "insert into notification (id, event_id, recipient_id, channel, "
                    + "client_id, event_type, title, link, created_at) values (:id, :id, 'u-1', 'IN_APP', :client, "
                    + "'rapport.session.cancelled.v1', 'A session was cancelled', '/clients/x', now())"),
            new Seed("email_delivery", "emailDeliveries", "id", "insert into email_delivery (id, event_id, recipient_id, client_id, "
                    + "event_type, category, title, link, digest, due_at, status, created_at) values (:id, :id, 'u-1', :client, "
                    + "'rapport.session.cancelled.v1', 'schedule', 'A session was cancelled', '/clients/x', false, now(), 'SENT', now())"),
            new Seed("webhook_delivery", "webhookDeliveries", "id", "insert into webhook_delivery (id, subscription_id, event_id, "
                    + "client_id, event_type, category, body, status, window_start, next_attempt_at, created_at) select :id, s.id, :id, "
                    + ":client, 'rapport.session.attended.v1', 'schedule', '{}', 'DELIVERED', now(), now(), now() "
                    + "from webhook_subscription s where s.url = 'https://firm.example/' || :client"),
            new Seed("webhook_attempt", "webhookAttempts", "error", "insert into webhook_attempt (delivery_id, attempted_at, "
                    + "status_code, error, duration_ms) select d.id, now(), 503, cast(:id as text), 12 from webhook_delivery d "
                    + "where d.client_id = :client"));

    @Test
    void everyTableWithClientDataIsExportedOrExcludedOnPurpose() {
        Set<String> withClientData = QuarkusTransaction.requiringNew().call(() -> ClientDataTables.in(entityManager));
        Set<String> covered = new HashSet<>(Set.of("audit_entry")); // every part carries the service's audit
        definition.sections().forEach(section -> covered.addAll(section.tables()));
        Set<String> unaccounted = new TreeSet<>(withClientData);
        unaccounted.removeAll(covered);
        unaccounted.removeAll(definition.exclusions().keySet());
        assertEquals(Set.of(), unaccounted, "tables with client data that the export neither covers nor excludes");
        Set<String> named = new TreeSet<>(covered);
        named.addAll(definition.exclusions().keySet());
        named.removeAll(withClientData);
        assertEquals(Set.of(), named, "covered or excluded tables that hold no client data (renamed or dropped?)");
        assertTrue(withClientData.contains("webhook_attempt"), "rows that belong through their delivery count");
    }

    @Test
    void aRowInEveryCoveredTableIsInThePart() {
        UUID client = UUID.randomUUID();
        Set<String> covered = new TreeSet<>();
        definition.sections().forEach(section -> covered.addAll(section.tables()));
        assertEquals(covered, new TreeSet<>(SEEDS.stream().map(Seed::table).toList()), "this test seeds every covered table");

        List<UUID> ids = SEEDS.stream().map(s -> UUID.randomUUID()).toList();
        String secret = "whsec_" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            // What client-service's events would have told this service: the client, and Alice as its case manager.
            entityManager.createNativeQuery("insert into client_record (client_id, client_reference, organisation_id, team_id, "
                    + "registered_at) values (?1, 'C-PART01', ?2, ?3, now())").setParameter(1, client)
                    .setParameter(2, DemoUsers.ORGANISATION).setParameter(3, DemoUsers.TEAM_NORTH).executeUpdate();
            entityManager.createNativeQuery("insert into care_circle_member (member_id, client_id, user_id, role, joined_on) "
                    + "values (?1, ?2, ?3, 'case-manager', current_date)").setParameter(1, UUID.randomUUID()).setParameter(2, client)
                    .setParameter(3, DemoUsers.ALICE.userId()).executeUpdate();
            entityManager.createNativeQuery("insert into webhook_subscription (id, organisation_id, url, event_types, secret, "
                    + "created_by, created_at) values (?1, ?2, ?3, 'rapport.session.attended.v1', ?4, 'admin', now())")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, DemoUsers.LAW_FIRM)
                    .setParameter(3, "https://firm.example/" + client).setParameter(4, secret).executeUpdate();
            for (int i = 0; i < SEEDS.size(); i++) {
                int written = entityManager.createNativeQuery(SEEDS.get(i).insert()).setParameter("id", ids.get(i))
                        .setParameter("client", client).executeUpdate();
                assertEquals(1, written, SEEDS.get(i).table());
            }
        });

        JsonPath part = given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).get(path(client)).then().statusCode(200).extract().jsonPath();
        assertEquals("notification-service", part.getString("service"));
        for (int i = 0; i < SEEDS.size(); i++) {
            Seed seed = SEEDS.get(i);
            assertTrue(part.getList("sections." + seed.section() + "." + seed.field()).contains(ids.get(i).toString()),
                    seed.table() + " row in section " + seed.section());
        }
        for (ClientDataSection section : definition.sections()) {
            assertFalse(part.getList("sections." + section.name()).isEmpty(), section.name());
        }
        assertEquals(List.of(DemoUsers.LAW_FIRM), part.getList("sections.webhookDeliveries.organisationId"));
        assertFalse(part.prettify().contains(secret), "no webhook secret in the export");
        assertTrue(part.getList("audit.resource").contains("subject-access-export"), "the export read is audited");

        given().auth().oauth2(Tokens.of(DemoUsers.BILAL)).get(path(client)).then().statusCode(404);
        given().auth().oauth2(Tokens.of(DemoUsers.SOPHIE)).get(path(client)).then().statusCode(403);
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get(path(client) + "/audit").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2));
    }

    private static String path(UUID client) {
        return "/api/v1/notifications/clients/" + client + "/subject-access";
    }
}
