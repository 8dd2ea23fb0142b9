package app.rapport.clients.rest;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The platform's parameter rules as client-service applies them: out-of-range, unreadable, repeated and
 * undeclared query parameters are 400s naming the parameter; a malformed id in the path too; dates and
 * numbers in bodies are read as written; an unsupported method is 405 with Allow.
 */
@QuarkusTest
class ParameterRulesTest {

    private static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    private static String client() {
        return as(DemoUsers.ALICE).body("{\"givenName\":\"Param\",\"familyName\":\"Rules\"}").post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/clients?page=2147483647&size=200 | page",
            "/api/v1/clients?page=10001 | page",
            "/api/v1/clients?page=-1 | page",
            "/api/v1/clients?size=abc | size",
            "/api/v1/clients?size=2.5 | size",
            "/api/v1/clients?size=201 | size",
            "/api/v1/clients?size=0 | size",
            "/api/v1/clients?size= | size",
            "/api/v1/clients?page=1&page=2 | page",
            "/api/v1/clients?clientId=3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b | clientId",
            "/api/v1/clients?Name=x | Name",
            "/api/v1/clients/not-a-uuid | clientId",
            "/api/v1/clients/{client}/care-circle?includePast=maybe | includePast",
            "/api/v1/clients/{client}/care-circle?includePast=TRUE | includePast",
            "/api/v1/clients/{client}/care-circle?includePast=1 | includePast",
            "/api/v1/clients/{client}/goals/1-1-1-1-1 | goalId",
            "/api/v1/clients/{client}/audit?asOf=abc | asOf",
            "/api/v1/clients/{client}/audit?asOf=99999999999999999999 | asOf",
            "/api/v1/clients/{client}/audit?page=2147483647&size=200 | page",
            "/api/v1/clients/{client}/consent?verbose=true | verbose"})
    void badParametersAreNamed(String path, String parameter) {
        Response answer = as(DemoUsers.ALICE).get(path.replace("{client}", client()));
        answer.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
        assertFalse(answer.asString().matches("(?s).*(app\\.rapport|java\\.|jakarta\\.|SQL).*"), answer.asString());
    }

    @Test
    void declaredParametersWithGoodValuesStillWork() {
        String client = client();
        as(DemoUsers.ALICE).get("/api/v1/clients?page=10000&size=200").then().statusCode(200);
        as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle?includePast=true").then().statusCode(200);
        as(DemoUsers.ALICE).get("/api/v1/clients/" + client.toUpperCase() + "/care-circle").then().statusCode(200);
    }

    @Test
    void bodyValuesAreNotCoercedAndDatesAreBounded() {
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\",\"familyName\":\"B\",\"interpreterNeeded\":\"true\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("interpreterNeeded"));
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\",\"familyName\":\"B\",\"givenName\":\"C\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("givenName"));
        as(DemoUsers.ALICE).body("{\"givenName\":7,\"familyName\":\"B\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("givenName"));
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\\ud800\",\"familyName\":\"B\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("givenName"));
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"-999999999-01-01\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        as(DemoUsers.ALICE).delete("/api/v1/clients").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        as(DemoUsers.ALICE).body("{}").post("/api/v1/clients/" + client() + "/audit").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }
}
