package app.rapport.clients.rest;

import app.rapport.clients.support.DemoDirectory;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OrganisationResourceTest {

    private static final String ORG = "/api/v1/organisations/" + DemoUsers.ORGANISATION;

    @BeforeEach
    void directory() {
        DemoDirectory.ensureLoaded();
    }

    @Test
    void anAdminManagesTeamsAndProfessionals() {
        as(DemoUsers.OMAR).get(ORG).then().statusCode(200).body("kind", equalTo("case-management"));
        as(DemoUsers.OMAR).get(ORG + "/teams").then().statusCode(200)
                .body("id", hasItems(DemoUsers.TEAM_NORTH, DemoUsers.TEAM_SOUTH));
        as(DemoUsers.OMAR).body(Map.of("name", "East")).put(ORG + "/teams/team-east").then().statusCode(200);
        as(DemoUsers.OMAR).body(Map.of("userId", "u-east-1", "displayName", "Rhys Evans", "role", "therapist",
                        "discipline", "psychology", "teamIds", java.util.List.of("team-east")))
                .put(ORG + "/professionals").then().statusCode(200).body("teamIds", hasItem("team-east"));
        as(DemoUsers.OMAR).get(ORG + "/professionals").then().body("userId", hasItems("u-east-1", DemoUsers.THEO.userId()));
    }

    @Test
    void directoryRulesAreEnforced() {
        as(DemoUsers.OMAR).body(Map.of("name", "North")).put(ORG + "/teams/team-north-two")
                .then().statusCode(409).body("type", equalTo("urn:rapport:problem:team-name-taken"));
        as(DemoUsers.OMAR).body(Map.of("userId", "u-x", "displayName", "X", "role", "solicitor", "teamIds", java.util.List.of()))
                .put(ORG + "/professionals").then().statusCode(400).body("errors[0].field", equalTo("role"));
        as(DemoUsers.OMAR).body(Map.of("userId", "u-y", "displayName", "Y", "role", "therapist", "teamIds", java.util.List.of("no-such-team")))
                .put(ORG + "/professionals").then().statusCode(400).body("errors[0].field", equalTo("teamIds"));
        as(DemoUsers.OMAR).body(Map.of("name", "Hartley", "kind", "case-management"))
                .put("/api/v1/organisations/" + DemoUsers.LAW_FIRM).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(DemoUsers.OMAR).body(Map.of("name", "Bad id", "kind", "law-firm"))
                .put("/api/v1/organisations/Bad_Id").then().statusCode(400);
    }

    @Test
    void onlyAdminsOfTheOrganisationGetIn() {
        as(DemoUsers.ALICE).get(ORG + "/teams").then().statusCode(403);
        String otherAdmin = Tokens.of(TokenSpec.of(DemoUsers.OMAR).withRoles("org-admin"));
        given().auth().oauth2(Tokens.of(TokenSpec.of(DemoUsers.SOPHIE).withRoles("org-admin")))
                .get(ORG + "/teams").then().statusCode(404);
        given().auth().oauth2(otherAdmin).get(ORG + "/teams").then().statusCode(200);
        // Another organisation's admin cannot take it over as a "law firm", nor learn that it exists or what it is.
        given().auth().oauth2(Tokens.of(TokenSpec.of(DemoUsers.SOPHIE).withRoles("org-admin"))).contentType("application/json")
                .body(Map.of("name", "Taken over", "kind", "law-firm")).put(ORG).then().statusCode(404)
                .body("detail", equalTo("Organisation " + DemoUsers.ORGANISATION + " was not found"));
        as(DemoUsers.OMAR).get(ORG).then().statusCode(200).body("name", org.hamcrest.Matchers.not(equalTo("Taken over")));
    }

    @Test
    void aLawFirmIsKeptByTheOrganisationThatRegisteredIt() {
        String firm = "/api/v1/organisations/" + DemoUsers.LAW_FIRM;
        String otherAdmin = Tokens.of(TokenSpec.of(new DemoUser("admin-elsewhere", UUID.randomUUID().toString(),
                "Admin Elsewhere", "admin@elsewhere.example", List.of("org-admin"), "org-elsewhere", List.of())));

        given().auth().oauth2(otherAdmin).get(firm).then().statusCode(200).body("name", equalTo("Hartley Solicitors"));
        given().auth().oauth2(otherAdmin).contentType("application/json")
                .body(Map.of("name", "Hartley (renamed elsewhere)", "kind", "law-firm")).put(firm)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:law-firm-kept-elsewhere"));
        given().auth().oauth2(otherAdmin).contentType("application/json")
                .body(Map.of("userId", "u-planted", "displayName", "Planted Solicitor", "role", "solicitor", "teamIds", List.of()))
                .put(firm + "/professionals").then().statusCode(403);

        as(DemoUsers.OMAR).get(firm).then().statusCode(200).body("name", equalTo("Hartley Solicitors"));
        as(DemoUsers.OMAR).body(Map.of("name", "Hartley Solicitors", "kind", "law-firm")).put(firm).then().statusCode(200);
        given().auth().oauth2(Tokens.of(DemoUsers.SOPHIE)).get("/api/v1/organisations/" + DemoUsers.LAW_FIRM + "/professionals")
                .then().statusCode(403);
        // The keeper reads the directory it keeps.
        as(DemoUsers.OMAR).get(firm + "/professionals").then().statusCode(200);

        // A firm the other organisation registers itself is theirs to keep.
        String ownFirm = "/api/v1/organisations/org-firm-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(otherAdmin).contentType("application/json")
                .body(Map.of("name", "Elsewhere Law", "kind", "law-firm")).put(ownFirm).then().statusCode(200);
        as(DemoUsers.OMAR).body(Map.of("name", "Taken", "kind", "law-firm")).put(ownFirm).then().statusCode(403);
    }
}
