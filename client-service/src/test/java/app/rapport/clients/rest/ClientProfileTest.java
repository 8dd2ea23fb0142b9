package app.rapport.clients.rest;

import app.rapport.clients.support.Fixtures;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.contract.EventCodec;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole profile: what it holds, how it is validated and changed, and what each relationship sees of it. */
@QuarkusTest
class ClientProfileTest {

    private static final String FULL_PROFILE = """
            {"givenName":"Aisha","familyName":"Siddiqui","preferredName":"Ash","dateOfBirth":"1992-02-27",
             "nhsNumber":"943 476 5919","phone":"+44 113 496 0000","email":"ash@example.org",
             "addressLine1":"12 Mill Lane","town":"Leeds","postcode":"ls1 4ap",
             "preferredLanguage":"ur","interpreterNeeded":true,
             "communicationNeeds":"Prefers written summaries after each visit",
             "accessibilityNeeds":"Ground-floor rooms; uses a crutch",
             "culturalContext":"Family is central to decisions; my mother joins important meetings.",
             "faithContext":"Muslim; avoid Friday midday appointments",
             "professionalPreferences":{"gender":"female","directiveness":"Tell me clearly what to do next",
               "challenge":"Gentle","times":"Mornings","settings":"At home or by video"}}""";

    @Test
    void theWholeProfileIsStoredNormalisedAndReturned() {
        UUID id = UUID.fromString(as(DemoUsers.ALICE).body(FULL_PROFILE).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id"));

        as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().statusCode(200)
                .body("nhsNumber", equalTo("9434765919"))
                .body("postcode", equalTo("LS1 4AP"))
                .body("preferredLanguage", equalTo("ur"))
                .body("interpreterNeeded", equalTo(true))
                .body("culturalContext", equalTo("Family is central to decisions; my mother joins important meetings."))
                .body("professionalPreferences.gender", equalTo("female"))
                .body("professionalPreferences.settings", equalTo("At home or by video"));
    }

    @Test
    void eachInvalidFieldIsNamedAndNothingIsRegistered() {
        long before = caseloadSize();
        String body = FULL_PROFILE.replace("943 476 5919", "943 476 5918").replace("ls1 4ap", "NOT A CODE")
                .replace("\"ur\"", "\"Urdu\"").replace("ash@example.org", "not-an-email");
        Response response = as(DemoUsers.ALICE).body(body).post("/api/v1/clients");
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("nhsNumber", "postcode", "preferredLanguage", "email"));
        assertEquals(before, caseloadSize(), "nothing registered");
    }

    @Test
    void controlCharactersAndOversizedTextAreRefused() {
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\\u0007\",\"familyName\":\"B\"}").post("/api/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("givenName"));
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\",\"familyName\":\"B\",\"culturalContext\":\"" + "x".repeat(4001) + "\"}")
                .post("/api/v1/clients").then().statusCode(400).body("errors.field", hasItem("culturalContext"));
        // Line breaks are fine in the client's own words.
        as(DemoUsers.ALICE).body("{\"givenName\":\"A\",\"familyName\":\"B\",\"culturalContext\":\"line one\\nline two\"}")
                .post("/api/v1/clients").then().statusCode(201);
    }

    @Test
    void anUpdateNamesWhatChangedInItsEventAndMovesTheVersion() throws Exception {
        UUID id = Fixtures.register(DemoUsers.ALICE, "Tomasz", "Wiśniewski");
        String etag = as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().statusCode(200).extract().header("ETag");

        String etagAfter = as(DemoUsers.ALICE).header("If-Match", etag)
                .body("{\"givenName\":\"Tomasz\",\"familyName\":\"Wiśniewski\",\"dateOfBirth\":\"1984-03-09\","
                        + "\"preferredLanguage\":\"pl\",\"interpreterNeeded\":true,\"phone\":\"07700 900123\"}")
                .put("/api/v1/clients/" + id)
                .then().statusCode(200).body("preferredLanguage", equalTo("pl")).extract().header("ETag");
        assertTrue(!etag.equals(etagAfter), "the ETag moves with each change");

        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(seen -> seen.stream()
                    .anyMatch(r -> r.key().equals(id.toString()) && new String(r.value()).contains(EventType.CLIENT_UPDATED.typeName())),
                    Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> updated = records.stream()
                    .filter(r -> r.key().equals(id.toString()) && new String(r.value()).contains(EventType.CLIENT_UPDATED.typeName()))
                    .findFirst().orElseThrow();
            assertEquals(Set.of(), ContractVerifier.problems(updated.value()));
            ClientUpdated payload = EventCodec.parse(updated.value()).dataAs(ClientUpdated.class);
            assertEquals(Set.of("contact", "preferredLanguage", "interpreterNeeded"), Set.copyOf(payload.changed()));
            assertEquals("pl", payload.preferredLanguage());
            assertTrue(!new String(updated.value()).contains("07700"), "no contact details in the event");
        }
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        UUID id = Fixtures.register(DemoUsers.ALICE, "Callum", "MacLeod");
        String etag = as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().extract().header("ETag");
        as(DemoUsers.ALICE).header("If-Match", etag).body("{\"givenName\":\"Cal\",\"familyName\":\"MacLeod\"}")
                .put("/api/v1/clients/" + id).then().statusCode(200);

        as(DemoUsers.ALICE).header("If-Match", etag).body("{\"givenName\":\"Callum-stale\",\"familyName\":\"MacLeod\"}")
                .put("/api/v1/clients/" + id).then().statusCode(412).contentType("application/problem+json");
        as(DemoUsers.ALICE).get("/api/v1/clients/" + id).then().body("givenName", equalTo("Cal"));
    }

    @Test
    void theCaseloadSearchesByNameAndReferenceFiltersByStatusAndTeamAndPagesStably() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = Fixtures.register(DemoUsers.ALICE, "Anna", marker + "a");
        UUID second = Fixtures.register(DemoUsers.ALICE, "Bea", marker + "b");
        UUID third = Fixtures.register(DemoUsers.ALICE, "Cleo", marker + "c");
        String reference = as(DemoUsers.ALICE).get("/api/v1/clients/" + second).then().extract().path("reference");

        List<String> page0 = as(DemoUsers.ALICE).queryParam("name", marker).queryParam("size", 2).get("/api/v1/clients")
                .then().statusCode(200).body("total", equalTo(3)).extract().path("items.id");
        List<String> page1 = as(DemoUsers.ALICE).queryParam("name", marker).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/clients").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(first.toString(), second.toString()), page0);
        assertEquals(List.of(third.toString()), page1);

        as(DemoUsers.ALICE).queryParam("name", reference.toLowerCase()).get("/api/v1/clients")
                .then().body("items.id", equalTo(List.of(second.toString())));
        as(DemoUsers.ALICE).queryParam("name", marker).queryParam("status", "discharged").get("/api/v1/clients")
                .then().body("total", equalTo(0));
        as(DemoUsers.ALICE).queryParam("name", marker).queryParam("team", DemoUsers.TEAM_SOUTH).get("/api/v1/clients")
                .then().body("total", equalTo(0));
        as(DemoUsers.ALICE).queryParam("name", "%").get("/api/v1/clients").then().statusCode(200)
                .body("items.id", not(hasItem(first.toString())));
        as(DemoUsers.ALICE).queryParam("status", "asleep").get("/api/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void aSupportWorkerSeesContactAndPreferencesButNotIdentifiers() {
        UUID id = UUID.fromString(as(DemoUsers.ALICE).body(FULL_PROFILE).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id"));
        Fixtures.addToCircle(DemoUsers.ALICE, id, DemoUsers.SAM, "support-worker");

        as(DemoUsers.SAM).get("/api/v1/clients/" + id).then().statusCode(200)
                .body("phone", equalTo("+44 113 496 0000"))
                .body("professionalPreferences.times", equalTo("Mornings"))
                .body("nhsNumber", nullValue())
                .body("dateOfBirth", nullValue());
        as(DemoUsers.SAM).body(FULL_PROFILE).put("/api/v1/clients/" + id).then().statusCode(403);
    }

    private static long caseloadSize() {
        return as(DemoUsers.ALICE).get("/api/v1/clients?size=1").then().extract().<Integer>path("total");
    }
}
