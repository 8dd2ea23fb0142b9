package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.alliance.support.Events;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.alliance.support.Api.allianceTotal;
import static app.rapport.alliance.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client's consent decisions, consumed from the real topic, narrow what a therapist sees of their own
 * relationship; the case manager and team lead are not narrowed, and no decision opens alliance data to anyone else.
 */
@QuarkusTest
class AllianceConsentTest {

    private static final LocalDate TODAY = CareDays.today();

    @Inject
    EntityManager entityManager;

    /** A team-north client with alice as case manager and theo as therapist; returns theo's membership id. */
    private static UUID[] clientWithTheo() {
        UUID client = Events.registered(DemoUsers.ALICE, null);
        Events.joined(client, DemoUsers.ALICE, CareTeamRole.CASE_MANAGER);
        UUID theo = Events.joined(client, DemoUsers.THEO, CareTeamRole.THERAPIST);
        Api.awaitVisible(DemoUsers.THEO, client);
        allianceTotal(client, DemoUsers.THEO, 20).statusCode(201);
        return new UUID[]{client, theo};
    }

    private static String path(UUID client, String rest) {
        return "/api/v1/alliance/clients/" + client + rest;
    }

    private static void awaitStatus(DemoUser user, UUID client, int status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(user).get(path(client, "/episodes")).statusCode() == status);
    }

    @Test
    void withdrawingAllianceFromTherapistsNarrowsTheirViewUntilTheClientGrantsItToOneOfThemAgain() {
        UUID[] setUp = clientWithTheo();
        UUID client = setUp[0];
        UUID theoMember = setUp[1];
        // A decision about another category changes nothing here, and is not even kept.
        Events.consent(client, false, DataCategory.GOALS, CareTeamRole.THERAPIST, null, TODAY, null);
        Events.consent(client, false, DataCategory.ALLIANCE, CareTeamRole.THERAPIST, null, TODAY, null);
        awaitStatus(DemoUsers.THEO, client, 403);

        for (String rest : List.of("/episodes", "/trend")) {
            as(DemoUsers.THEO).get(path(client, rest)).then().statusCode(403)
                    .body("type", equalTo("urn:rapport:problem:forbidden"))
                    .body("detail", containsString("not consented to share their alliance data"));
        }
        allianceTotal(client, DemoUsers.THEO, 30).statusCode(403);
        as(DemoUsers.THEO).body(Map.of("kind", "withdrawal")).post(path(client, "/markers")).then().statusCode(403);
        as(DemoUsers.THEO).body(Map.of()).post(path(client, "/feedback-links")).then().statusCode(403);
        // The case manager holds the record and the team lead oversees it: they still see theo's relationship.
        for (DemoUser overseer : List.of(DemoUsers.ALICE, DemoUsers.TARA)) {
            as(overseer).get(path(client, "/trend")).then().statusCode(200)
                    .body("pairs.find { it.professionalId == '" + DemoUsers.THEO.userId() + "' }.clientRatings", hasSize(1));
        }
        assertEquals(1, keptDecisions(client), "only the alliance decision is kept");

        // A decision about theo himself outranks the one about all therapists.
        Events.consent(client, true, DataCategory.ALLIANCE, null, theoMember, TODAY, null);
        awaitStatus(DemoUsers.THEO, client, 200);
        allianceTotal(client, DemoUsers.THEO, 30).statusCode(201);

        // A withdrawal dated tomorrow is not in force yet. Nadia joining afterwards (same topic and key, so consumed
        // later) shows it has been applied.
        Events.consent(client, false, DataCategory.ALLIANCE, null, theoMember, TODAY.plusDays(1), null);
        Events.joined(client, DemoUsers.NADIA, CareTeamRole.THERAPIST);
        awaitStatus(DemoUsers.NADIA, client, 403);
        as(DemoUsers.THEO).get(path(client, "/episodes")).then().statusCode(200);
        assertEquals(3, keptDecisions(client));
    }

    @Test
    void aGrantThatHasRunOutNoLongerShares() {
        UUID[] setUp = clientWithTheo();
        UUID client = setUp[0];
        as(DemoUsers.THEO).get(path(client, "/episodes")).then().statusCode(200);
        Events.consent(client, true, DataCategory.ALLIANCE, null, setUp[1], TODAY.minusDays(10), TODAY.minusDays(1));
        awaitStatus(DemoUsers.THEO, client, 403);
        as(DemoUsers.ALICE).get(path(client, "/episodes")).then().statusCode(200);
    }

    @Test
    void noDecisionOpensAllianceDataToSolicitorsSupportWorkersOrFamily() {
        UUID[] setUp = clientWithTheo();
        UUID client = setUp[0];
        UUID sam = Events.joined(client, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        Events.joined(client, DemoUsers.SOPHIE, CareTeamRole.SOLICITOR);
        for (CareTeamRole role : List.of(CareTeamRole.SOLICITOR, CareTeamRole.SUPPORT_WORKER, CareTeamRole.FAMILY)) {
            Events.consent(client, true, DataCategory.ALLIANCE, role, null, TODAY, null);
        }
        Events.consent(client, true, DataCategory.ALLIANCE, null, sam, TODAY, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> keptDecisions(client) == 4);
        for (DemoUser user : List.of(DemoUsers.SAM, DemoUsers.SOPHIE)) {
            for (String rest : List.of("/episodes", "/trend")) {
                as(user).get(path(client, rest)).then().statusCode(403);
            }
            as(user).get("/api/v1/alliance/caseload").then().statusCode(403);
        }
    }

    private long keptDecisions(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from consent_decision where client_id = ?1")
                .setParameter(1, client).getSingleResult()).longValue());
    }
}
