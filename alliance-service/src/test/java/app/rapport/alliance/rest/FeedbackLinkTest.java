package app.rapport.alliance.rest;

import app.rapport.alliance.support.Api;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.rapport.alliance.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-time feedback links end to end: no account, the client's language, single use, expiry, tampering, races. */
@QuarkusTest
class FeedbackLinkTest {

    private static final Map<String, Object> GOOD = Map.of("answers", Map.of("bond", 8, "goals", 7, "approach", 9, "overall", 8));

    @Inject
    EntityManager entityManager;

    private static JsonPath createLink(UUID client) {
        return as(DemoUsers.THEO).body(Map.of()).post("/api/v1/alliance/clients/" + client + "/feedback-links")
                .then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.Response submit(String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback/" + token);
    }

    @Test
    void anUrduSpeakingClientRatesTheSessionOnceWithoutAnAccount() {
        UUID client = Api.client(DemoUsers.ALICE, DemoUsers.THEO, "ur");
        JsonPath link = createLink(client);
        String token = link.getString("token");
        assertEquals("ur", link.getString("language"));
        assertEquals(DemoUsers.THEO.userId(), link.getString("professionalId"));
        assertTrue(link.getString("url").endsWith(token));
        Instant expires = Instant.parse(link.getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).minus(Duration.ofDays(4)).abs().toMinutes() < 5, "four days");

        JsonPath form = given().get("/api/v1/feedback/" + token).then().statusCode(200)
                .body("direction", equalTo("rtl")).body("language", equalTo("ur"))
                .body("items", hasSize(4)).body("min", equalTo(0)).body("max", equalTo(10))
                .extract().jsonPath();
        String bondText = form.getString("items.find { it.linkId == 'bond' }.text");
        assertTrue(bondText.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC), bondText);
        assertFalse(form.prettify().contains(client.toString()), "the form says nothing about the client");

        submit(token, GOOD).then().statusCode(201).body("message", startsWith("شکریہ"));
        submit(token, GOOD).then().statusCode(410).body("type", equalTo("urn:rapport:problem:feedback-link-used"));
        given().get("/api/v1/feedback/" + token).then().statusCode(410);

        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/trend").then().statusCode(200)
                .body("pairs[0].clientRatings", hasSize(1)).body("pairs[0].clientRatings[0].total", equalTo(32.0f));
    }

    @Test
    void aLowRatingThroughALinkOpensTheRupturePathLikeOneGivenInSession() {
        UUID client = Api.northClient();
        submit(createLink(client).getString("token"), Map.of("answers", Map.of("bond", 3, "goals", 4, "approach", 3,
                "overall", 2))).then().statusCode(201);
        JsonPath episodes = as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath();
        assertEquals(DemoUsers.THEO.userId(), episodes.getString("[0].professionalId"));
        assertEquals(List.of("below-cut-off"), episodes.getList("[0].signals.kind"));
        assertEquals(12.0f, episodes.getFloat("[0].signals[0].evidence.observed.total"));
        List<app.rapport.contract.EventEnvelope> events = app.rapport.alliance.support.AllianceTopic.eventsAbout(client,
                seen -> app.rapport.alliance.support.AllianceTopic.count(seen, "rapport.alliance.rupture-detected.v1") == 1);
        assertEquals(List.of("rapport.alliance.feedback-recorded.v1", "rapport.alliance.rupture-detected.v1"),
                app.rapport.alliance.support.AllianceTopic.types(events));
        assertEquals(DemoUsers.THEO.userId(), events.get(0).data().get("professionalId").asText());
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        UUID client = Api.northClient();
        String token = createLink(client).getString("token");
        String row = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select cast(row_to_json(l) as text) from feedback_link l where client_id = ?1").setParameter(1, client)
                .getSingleResult());
        assertFalse(row.contains(token), "the token itself is not stored");
        Number matches = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "select count(*) from feedback_link where token_hash = sha256(convert_to(?1, 'UTF8'))").setParameter(1, token)
                .getSingleResult());
        assertEquals(1, matches.intValue());
    }

    @Test
    void tamperedLateAndInvalidSubmissionsAreRefusedClearly() {
        UUID client = Api.northClient();
        String token = createLink(client).getString("token");
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        given().get("/api/v1/feedback/" + tampered).then().statusCode(404).body("type", equalTo("urn:rapport:problem:feedback-link-invalid"));
        submit(tampered, GOOD).then().statusCode(404);
        submit("short", GOOD).then().statusCode(404);

        // Answers that cannot be scored are refused and leave the link usable.
        submit(token, Map.of("answers", Map.of("bond", 12, "goals", 7, "approach", 9, "overall", 8))).then().statusCode(400)
                .body("errors[0].field", equalTo("answers.bond"));
        submit(token, Map.of("answers", Map.of("bond", 5), "clientId", client.toString())).then().statusCode(400);

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update feedback_link set expires_at = now() - interval '1 minute' where client_id = ?1")
                .setParameter(1, client).executeUpdate());
        given().get("/api/v1/feedback/" + token).then().statusCode(410).body("type", equalTo("urn:rapport:problem:feedback-link-expired"));
        submit(token, GOOD).then().statusCode(410).body("type", equalTo("urn:rapport:problem:feedback-link-expired"));
        as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/trend").then().body("pairs", hasSize(0));
    }

    @Test
    void concurrentSubmissionsOfOneLinkAcceptExactlyOne() throws Exception {
        UUID client = Api.northClient();
        String token = createLink(client).getString("token");
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                Callable<Integer> attempt = () -> {
                    start.await();
                    return submit(token, GOOD).statusCode();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(contenders - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Number responses = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "select count(*) from feedback_response where client_id = ?1").setParameter(1, client).getSingleResult());
        assertEquals(1, responses.intValue());
    }

    @Test
    void linksAreOnlyForClientRatedMeasuresWithWordingAndForPeopleAllowedToRecord() {
        UUID client = Api.northClient();
        as(DemoUsers.THEO).body(Map.of("measureId", "srs")).post("/api/v1/alliance/clients/" + client + "/feedback-links")
                .then().statusCode(422).body("type", equalTo("urn:rapport:problem:measure-without-wording"));
        as(DemoUsers.THEO).body(Map.of("measureId", "rapport-reflective-check-in"))
                .post("/api/v1/alliance/clients/" + client + "/feedback-links").then().statusCode(400)
                .body("errors[0].field", equalTo("measureId"));
        as(DemoUsers.SOPHIE).body(Map.of()).post("/api/v1/alliance/clients/" + client + "/feedback-links").then().statusCode(403);
        as(DemoUsers.NADIA).body(Map.of()).post("/api/v1/alliance/clients/" + client + "/feedback-links").then().statusCode(404);
    }
}
