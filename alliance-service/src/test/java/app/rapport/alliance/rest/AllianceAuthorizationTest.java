package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.alliance.support.Events;
import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotal;
import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Alliance data never goes to solicitors, support workers or family; a therapist sees their own relationships;
 * the case manager and team lead see their clients'. No relationship is a 404.
 */
@QuarkusTest
class AllianceAuthorizationTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    private long count(String sql, UUID id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }

    private static String path(UUID client, String rest) {
        return "/api/v1/alliance/clients/" + client + rest;
    }

    /** A client with two measured pairs: alice (case manager) and theo (therapist), each with a low rating. */
    private static UUID clientWithTwoPairs() {
        UUID client = Api.northClient();
        allianceTotal(client, DemoUsers.THEO, 20).statusCode(201);
        Api.allianceCheck(DemoUsers.ALICE, client, DemoUsers.ALICE, 5, 5, 5, 5).statusCode(201);
        return client;
    }

    @Test
    void rolesThatMayNeverSeeAllianceDataAreRefusedByRole() {
        UUID client = clientWithTwoPairs();
        Events.joined(client, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        Events.joined(client, DemoUsers.SOPHIE, CareTeamRole.SOLICITOR);
        for (DemoUser user : List.of(DemoUsers.SAM, DemoUsers.SOPHIE, DemoUsers.OMAR)) {
            for (String rest : List.of("/episodes", "/trend")) {
                as(user).get(path(client, rest)).then().statusCode(403).body("type", equalTo("urn:rapport:problem:forbidden"));
            }
            Api.allianceCheck(user, client, DemoUsers.THEO, 5, 5, 5, 5).statusCode(403);
        }
        given().get(path(client, "/episodes")).then().statusCode(401);
    }

    @Test
    void professionalsWithoutARelationshipGetTheSameNotFoundAsForAnUnknownClient() {
        UUID client = clientWithTwoPairs();
        for (DemoUser outsider : List.of(DemoUsers.BILAL, DemoUsers.NADIA)) {
            as(outsider).get(path(client, "/episodes")).then().statusCode(404);
            as(outsider).get(path(UUID.randomUUID(), "/episodes")).then().statusCode(404);
            Api.allianceCheck(outsider, client, outsider, 5, 5, 5, 5).statusCode(404);
        }
    }

    @Test
    void aTherapistSeesOnlyTheirOwnRelationshipTheCaseManagerAndTeamLeadSeeAll() {
        UUID client = clientWithTwoPairs();
        as(DemoUsers.THEO).get(path(client, "/trend")).then().statusCode(200)
                .body("pairs", hasSize(1)).body("pairs[0].professionalId", equalTo(DemoUsers.THEO.userId()));
        as(DemoUsers.THEO).get(path(client, "/episodes")).then().statusCode(200)
                .body("", hasSize(1)).body("[0].professionalId", equalTo(DemoUsers.THEO.userId()));
        for (DemoUser lead : List.of(DemoUsers.ALICE, DemoUsers.TARA)) {
            as(lead).get(path(client, "/trend")).then().statusCode(200).body("pairs", hasSize(2));
            as(lead).get(path(client, "/episodes")).then().statusCode(200).body("", hasSize(2));
        }
        // Theo cannot act on, or record for, alice's pair: it does not exist for him.
        String alicesEpisode = as(DemoUsers.ALICE).get(path(client, "/episodes")).jsonPath()
                .getString("find { it.professionalId == '" + DemoUsers.ALICE.userId() + "' }.id");
        as(DemoUsers.THEO).post(path(client, "/episodes/" + alicesEpisode + "/acknowledge")).then().statusCode(404);
        Api.allianceCheck(DemoUsers.THEO, client, DemoUsers.ALICE, 5, 5, 5, 5).statusCode(404);
        // A team lead of another team has no relationship.
        UUID southClient = Api.client(DemoUsers.BILAL, DemoUsers.NADIA, null);
        as(DemoUsers.TARA).get(path(southClient, "/episodes")).then().statusCode(404);
        // The case manager may record for a pair only with someone in the care circle as case manager or therapist.
        Api.allianceCheck(DemoUsers.ALICE, client, DemoUsers.NADIA, 5, 5, 5, 5).statusCode(422);
    }

    @Test
    void readsAndWritesAreAuditedWithTheirBasisAndRefusalsLeaveNothing() {
        UUID client = clientWithTwoPairs();
        String theoReads = "select count(*) from audit_entry where client_id = ?1 and actor_id = '"
                + DemoUsers.THEO.userId() + "' and action = 'read' and resource = 'episodes' and basis = 'care-circle:therapist'";
        long before = count(theoReads, client); // the set-up polled until theo could see the client
        as(DemoUsers.THEO).get(path(client, "/episodes")).then().statusCode(200);
        as(DemoUsers.TARA).get(path(client, "/episodes")).then().statusCode(200);
        as(DemoUsers.NADIA).get(path(client, "/episodes")).then().statusCode(404);
        as(DemoUsers.SOPHIE).get(path(client, "/episodes")).then().statusCode(403);
        assertEquals(before + 1, count(theoReads, client));
        assertEquals(1, count("select count(*) from audit_entry where client_id = ?1 and actor_id = '"
                + DemoUsers.TARA.userId() + "' and basis = 'team-lead:team-north'", client));
        assertEquals(1, count("select count(*) from audit_entry where client_id = ?1 and actor_id = '"
                + DemoUsers.THEO.userId() + "' and action = 'write' and resource = 'responses'", client));
        for (DemoUser refused : List.of(DemoUsers.NADIA, DemoUsers.SOPHIE)) {
            assertEquals(0, count("select count(*) from audit_entry where client_id = ?1 and actor_id = '"
                    + refused.userId() + "'", client));
        }
    }

    @Test
    void leavingTheCareCircleEndsAccess() {
        UUID client = Api.northClient();
        UUID membership = Events.joined(client, DemoUsers.NADIA, CareTeamRole.THERAPIST);
        Api.awaitVisible(DemoUsers.NADIA, client);
        Events.left(client, membership, DemoUsers.NADIA, CareTeamRole.THERAPIST);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.NADIA).get(path(client, "/episodes")).statusCode() == 404);
    }

    @Test
    void erasureDeletesTheClientsAllianceDataAndLaterEventsDoNotRebuildIt() {
        UUID client = clientWithTwoPairs();
        Events.consent(client, false, app.rapport.contract.DataCategory.ALLIANCE, CareTeamRole.THERAPIST, null,
                CareDays.today(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.THEO).get(path(client, "/episodes")).statusCode() == 403);
        Events.erased(client);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.ALICE).get(path(client, "/episodes")).statusCode() == 404);
        // A late event about the erased client is consumed (recorded as processed) but rebuilds nothing.
        var late = Events.publish(app.rapport.contract.EventType.CARETEAM_MEMBER_JOINED, client, DemoUsers.TEAM_NORTH,
                new app.rapport.contract.careteam.MemberJoined(client, UUID.randomUUID(), DemoUsers.ALICE.userId(),
                        CareTeamRole.CASE_MANAGER, null, DemoUsers.ORGANISATION, CareDays.today()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from processed_event where event_id = ?1", late.id()) == 1);
        for (String table : List.of("client_ref", "care_circle_member", "feedback_response", "rupture_episode",
                "consent_decision")) {
            assertEquals(0, count("select count(*) from " + table + " where client_id = ?1", client), table);
        }
        as(DemoUsers.ALICE).get(path(client, "/episodes")).then().statusCode(404);
        as(DemoUsers.TARA).get(path(client, "/trend")).then().statusCode(404);
        assertEquals(404, as(DemoUsers.ALICE).body(Map.of()).get(path(client, "/trend")).statusCode());
    }
}
