package app.rapport.alliance.privacy;

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
 * alliance-service's part of the subject-access export: every table with client data is exported or excluded on
 * purpose, and a row seeded in every covered table reaches the part (secrets left out), under the export's rule.
 */
@QuarkusTest
class SubjectAccessPartTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ClientDataDefinition definition;

    private static List<SeededRow> seeds() {
        return List.of(
                new SeededRow("feedback_response", "responses", "id", "insert into feedback_response (id, client_id, professional_id, "
                        + "measure_id, rater, answers, subscales, total, percent_of_max, in_concern_range, prorated, recorded_by, "
                        + "recorded_at, received_at) values (:id, :client, 'p-1', 'rapport-session-alliance-check', 'client', "
                        + "'{\"bond\":7}', '{}', 7, 70, false, false, 'p-1', now(), now())"),
                new SeededRow("feedback_link", "feedbackLinks", "id", "insert into feedback_link (id, token_hash, client_id, "
                        + "professional_id, measure_id, language, created_by, created_at, expires_at) values (:id, "
                        + "decode('00ff', 'hex') || uuid_send(:id), :client, 'p-1', 'rapport-session-alliance-check', 'en', "
                        + "'p-1', now(), now() + interval '1 day')"),
                // Alice's own pair: the caseload tests sharing this database count every episode against a listed pair.
                new SeededRow("rupture_episode", "episodes", "id", "insert into rupture_episode (id, client_id, professional_id, "
                        + "state, detected_at) values (:id, :client, '" + DemoUsers.ALICE.userId()
                        + "', 'RESOLVED', now())"),
                new SeededRow("rupture_signal", "ruptureSignals", "id", "insert into rupture_signal (id, episode_id, kind, evidence, "
                        + "detected_at) select :id, e.id, 'drop', '{}', now() from rupture_episode e where e.client_id = :client limit 1"),
                new SeededRow("repair_attempt", "repairs", "id", "insert into repair_attempt (id, episode_id, strategy, recorded_by, "
                        + "recorded_at) select :id, e.id, 'explore-together', 'p-1', now() from rupture_episode e where e.client_id = :client limit 1"),
                new SeededRow("client_cancellation", "clientCancellations", "session_id", "insert into client_cancellation (session_id, "
                        + "professional_id, client_id, session_start) values (:id, 'p-1', :client, now())"));
    }

    @Test
    void everyTableWithClientDataIsExportedOrExcludedOnPurpose() {
        Set<String> withClientData = ClientDataCoverage.assertEveryTableAccountedFor(entityManager, definition);
        assertTrue(withClientData.containsAll(Set.of("rupture_signal", "repair_attempt")), "rows that belong through their episode count");
    }

    @Test
    void aRowInEveryCoveredTableIsInThePart() {
        UUID client = UUID.randomUUID();
        List<SeededRow> seeds = seeds();
        ClientDataCoverage.assertSeedsCoverEveryTable(definition, seeds);

        List<UUID> ids = seeds.stream().map(s -> UUID.randomUUID()).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            // What client-service's events would have told this service: the client, and Alice as its case manager.
            entityManager.createNativeQuery("insert into client_ref (client_id, organisation_id, team_id) values (?1, ?2, ?3)")
                    .setParameter(1, client).setParameter(2, DemoUsers.ORGANISATION).setParameter(3, DemoUsers.TEAM_NORTH)
                    .executeUpdate();
            entityManager.createNativeQuery("insert into care_circle_member (member_id, client_id, user_id, role, joined_on) "
                    + "values (?1, ?2, ?3, 'case-manager', current_date)").setParameter(1, UUID.randomUUID()).setParameter(2, client)
                    .setParameter(3, DemoUsers.ALICE.userId()).executeUpdate();
            ClientDataCoverage.seed(entityManager, client, seeds, ids);
        });

        JsonPath part = given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).get(path(client)).then().statusCode(200).extract().jsonPath();
        assertEquals("alliance-service", part.getString("service"));
        ClientDataCoverage.assertSeededRowsShown(part, definition, seeds, ids);
        assertFalse(part.prettify().contains("token_hash"), "no link secret in the export");
        assertTrue(part.getList("audit.resource").contains("subject-access-export"), "the export read is audited");

        given().auth().oauth2(Tokens.of(DemoUsers.BILAL)).get(path(client)).then().statusCode(404);
        given().auth().oauth2(Tokens.of(DemoUsers.THEO)).get(path(client)).then().statusCode(403);
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).get(path(client) + "/audit").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("alliance-service"));
    }

    private static String path(UUID client) {
        return "/api/v1/alliance/clients/" + client + "/subject-access";
    }
}
