package app.rapport.clients.rest;

import app.rapport.clients.support.DemoDirectory;
import app.rapport.clients.support.Fixtures;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static app.rapport.clients.support.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation on a law firm's directory, for everyone who might call it: the organisation that registered the
 * firm (its keeper) and the firm's own admins manage all of it; another organisation's admin sees that the firm
 * exists and nothing more; people who are not admins are refused by role. Refused writes change nothing.
 */
@QuarkusTest
class FirmDirectoryAccessTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String FIRM_ID = "org-firm-" + SUFFIX;
    private static final String FIRM = "/api/v1/organisations/" + FIRM_ID;
    private static final String FIRM_NAME = "Matrix Law " + SUFFIX;
    private static boolean registered;

    enum Actor {
        KEEPER_ADMIN(TokenSpec.of(DemoUsers.OMAR)),
        FIRM_ADMIN(TokenSpec.of(new DemoUser("firm-admin-" + SUFFIX, UUID.randomUUID().toString(), "Firm Admin",
                "admin@matrix-law.example", List.of("org-admin"), FIRM_ID, List.of()))),
        OTHER_ORGANISATION_ADMIN(TokenSpec.of(new DemoUser("admin-elsewhere", UUID.randomUUID().toString(), "Admin Elsewhere",
                "admin@elsewhere.example", List.of("org-admin"), "org-elsewhere", List.of()))),
        CASE_MANAGER(TokenSpec.of(DemoUsers.ALICE)),
        SOLICITOR_OF_THE_FIRM(TokenSpec.of(new DemoUser("firm-solicitor-" + SUFFIX, UUID.randomUUID().toString(), "Firm Solicitor",
                "solicitor@matrix-law.example", List.of("solicitor"), FIRM_ID, List.of()))),
        SOLICITOR_OF_ANOTHER_FIRM(TokenSpec.of(Fixtures.OTHER_FIRM_SOLICITOR));

        final TokenSpec token;

        Actor(TokenSpec token) {
            this.token = token;
        }

        String marker() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** What each actor gets from each operation. */
    enum Operation {
        READ_FIRM(200, 200, 200, 403, 403, 403, (c) -> c.request().get(FIRM)),
        RENAME_FIRM(200, 403, 200, 403, 403, 403,
                (c) -> c.request().body(Map.of("name", c.firmName(), "kind", "law-firm")).put(FIRM)),
        READ_TEAMS(200, 403, 200, 403, 403, 403, (c) -> c.request().get(FIRM + "/teams")),
        SAVE_TEAM(200, 403, 200, 403, 403, 403,
                (c) -> c.request().body(Map.of("name", "Team " + c.marker())).put(FIRM + "/teams/" + c.teamId())),
        READ_PROFESSIONALS(200, 403, 200, 403, 403, 403, (c) -> c.request().get(FIRM + "/professionals")),
        SAVE_PROFESSIONAL(200, 403, 200, 403, 403, 403, (c) -> c.request().body(Map.of("userId", c.userId(),
                "displayName", "Solicitor " + c.marker(), "role", "solicitor", "teamIds", List.of())).put(FIRM + "/professionals"));

        final int keeper;
        final int otherAdmin;
        final int firmAdmin;
        final int caseManager;
        final int firmSolicitor;
        final int otherFirmSolicitor;
        final Function<Call, Response> call;

        Operation(int keeper, int otherAdmin, int firmAdmin, int caseManager, int firmSolicitor, int otherFirmSolicitor,
                  Function<Call, Response> call) {
            this.keeper = keeper;
            this.otherAdmin = otherAdmin;
            this.firmAdmin = firmAdmin;
            this.caseManager = caseManager;
            this.firmSolicitor = firmSolicitor;
            this.otherFirmSolicitor = otherFirmSolicitor;
            this.call = call;
        }

        int expectedFor(Actor actor) {
            return switch (actor) {
                case KEEPER_ADMIN -> keeper;
                case OTHER_ORGANISATION_ADMIN -> otherAdmin;
                case FIRM_ADMIN -> firmAdmin;
                case CASE_MANAGER -> caseManager;
                case SOLICITOR_OF_THE_FIRM -> firmSolicitor;
                case SOLICITOR_OF_ANOTHER_FIRM -> otherFirmSolicitor;
            };
        }
    }

    private record Call(Actor actor) {
        RequestSpecification request() {
            return as(actor.token);
        }

        String marker() {
            return actor.marker();
        }

        String firmName() {
            return FIRM_NAME + " (" + actor.marker() + ")";
        }

        String teamId() {
            return "team-" + SUFFIX + "-" + Math.abs(actor.name().hashCode() % 100000);
        }

        String userId() {
            return "u-" + SUFFIX + "-" + actor.marker();
        }
    }

    @BeforeEach
    void firmRegisteredByTheDemoOrganisation() {
        DemoDirectory.ensureLoaded();
        if (!registered) {
            as(DemoUsers.OMAR).body(Map.of("name", FIRM_NAME, "kind", "law-firm")).put(FIRM).then().statusCode(200);
            registered = true;
        }
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void eachOperationAnswersAsTheMatrixSays(Actor actor) {
        Call call = new Call(actor);
        for (Operation operation : Operation.values()) {
            Response response = operation.call.apply(call);
            int expected = operation.expectedFor(actor);
            assertEquals(expected, response.statusCode(), actor + " " + operation + ": " + response.asString());
            if (expected >= 400) {
                assertEquals("application/problem+json", response.contentType().split(";")[0], actor + " " + operation);
            }
            if (expected == 403 && actor == Actor.OTHER_ORGANISATION_ADMIN) {
                assertEquals("urn:rapport:problem:law-firm-kept-elsewhere", response.path("type"), actor + " " + operation);
            }
        }

        // What an allowed caller wrote is there; what a refused caller tried to write is not.
        boolean manages = Operation.SAVE_PROFESSIONAL.expectedFor(actor) == 200;
        List<String> people = as(DemoUsers.OMAR).get(FIRM + "/professionals").then().statusCode(200).extract().path("userId");
        List<String> teams = as(DemoUsers.OMAR).get(FIRM + "/teams").then().statusCode(200).extract().path("id");
        assertEquals(manages, people.contains(call.userId()), actor + ": solicitor entry");
        assertEquals(manages, teams.contains(call.teamId()), actor + ": team");
        String name = as(DemoUsers.OMAR).get(FIRM).then().statusCode(200).extract().path("name");
        assertEquals(manages, name.equals(call.firmName()), actor + ": firm name " + name);
        if (manages) {
            List<String> seen = call.request().get(FIRM + "/professionals").then().statusCode(200).extract().path("userId");
            assertTrue(seen.contains(call.userId()), actor + " reads back what it wrote");
        } else {
            assertFalse(people.stream().anyMatch(id -> id.endsWith(actor.marker())), actor + " planted nobody");
        }
    }
}
