package app.rapport.notifications.privacy;

import app.rapport.devkit.testing.ClientDataCoverage;
import app.rapport.devkit.testing.SeededRow;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.subjectaccess.ClientDataDefinition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
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

    private static final List<SeededRow> SEEDS = List.of(
            new SeededRow("notification", "notifications", "id", "insert into notification (id, event_id, recipient_id, channel, "
                    + "client_id, event_type, title, link, created_at) values (:id, :id, 'u-1', 'IN_APP', :client, "
                    + "'rapport.session.cancelled.v1', 'A session was cancelled', '/clients/x', now())"),
            new SeededRow("email_delivery", "emailDeliveries", "id", "insert into email_delivery (id, event_id, recipient_id, client_id, "
                    + "event_type, category, title, link, digest, due_at, status, created_at) values (:id, :id, 'u-1', :client, "
                    + "'rapport.session.cancelled.v1', 'schedule', 'A session was cancelled', '/clients/x', false, now(), 'SENT', now())"),
            new SeededRow("webhook_delivery", "webhookDeliveries", "id", "insert into webhook_delivery (id, subscription_id, event_id, "
                    + "client_id, event_type, category, body, status, window_start, next_attempt_at, created_at) select :id, s.id, :id, "
                    + ":client, 'rapport.session.attended.v1', 'schedule', '{}', 'DELIVERED', now(), now(), now() "
                    + "from webhook_subscription s where s.url = 'https://firm.example/' || :client"),
            new SeededRow("webhook_attempt", "webhookAttempts", "error", "insert into webhook_attempt (delivery_id, attempted_at, "
                    + "status_code, error, duration_ms) select d.id, now(), 503, cast(:id as text), 12 from webhook_delivery d "
                    + "where d.client_id = :client"));

    @Test
    void everyTableWithClientDataIsExportedOrExcludedOnPurpose() {
        Set<String> withClientData = ClientDataCoverage.assertEveryTableAccountedFor(entityManager, definition);
        assertTrue(withClientData.contains("webhook_attempt"), "rows that belong through their delivery count");
    }

    @Test
    void aRowInEveryCoveredTableIsInThePart() {
        UUID client = UUID.randomUUID();
        ClientDataCoverage.assertSeedsCoverEveryTable(definition, SEEDS);

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
            ClientDataCoverage.seed(entityManager, client, SEEDS, ids);
        });

        JsonPath part = given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).get(path(client)).then().statusCode(200).extract().jsonPath();
        assertEquals("notification-service", part.getString("service"));
        ClientDataCoverage.assertSeededRowsShown(part, definition, SEEDS, ids);
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
