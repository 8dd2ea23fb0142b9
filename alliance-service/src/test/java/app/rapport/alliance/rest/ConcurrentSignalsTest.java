package app.rapport.alliance.rest;

import app.rapport.alliance.support.AllianceTopic;
import app.rapport.alliance.support.Api;
import app.rapport.alliance.support.Events;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.session.PairHistory;
import app.rapport.contract.session.SessionMissed;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static app.rapport.alliance.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Signals for one pair that arrive together (ratings and markers through the API, missed sessions through the broker)
 * all land in one episode: never a second open episode, never a failed request.
 */
@QuarkusTest
class ConcurrentSignalsTest {

    private static final int ROUNDS = 3;
    private static final int MARKERS = 5;
    private static final int LOW_RATINGS = 5;
    private static final int MISSED_SESSIONS = 3;

    @TestHTTPResource("/api/v1/alliance/clients/")
    URI clients;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void simultaneousSignalsForOnePairOpenExactlyOneEpisode() {
        for (int round = 0; round < ROUNDS; round++) {
            UUID client = Api.northClient();
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < MARKERS; i++) {
                requests.add(post(client, "markers", "{\"kind\":\"withdrawal\"}"));
            }
            for (int i = 0; i < LOW_RATINGS; i++) {
                requests.add(post(client, "responses", "{\"measureId\":\"rapport-session-alliance-check\","
                        + "\"answers\":{\"bond\":3,\"goals\":3,\"approach\":3,\"overall\":3}}"));
            }
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (HttpRequest request : requests) {
                sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < MISSED_SESSIONS; i++) {
                Events.publish(EventType.SESSION_MISSED, client, DemoUsers.TEAM_NORTH, new SessionMissed(UUID.randomUUID(),
                        client, List.of(DemoUsers.THEO.userId()), "therapy", Instant.now().minus(Duration.ofHours(i + 1)),
                        List.of(new PairHistory(DemoUsers.THEO.userId(), null, null)), DemoUsers.THEO.userId()));
            }
            List<String> failures = sent.stream().map(CompletableFuture::join).filter(r -> r.statusCode() != 201)
                    .map(r -> r.statusCode() + " " + r.body()).toList();
            assertEquals(List.of(), failures, "every request accepted");
            assertOneEpisodeWithEverySignal(client);
        }
    }

    private void assertOneEpisodeWithEverySignal(UUID client) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                count(client, "did-not-attend") == MISSED_SESSIONS);
        JsonPath episodes = as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, episodes.getList("").size(), "one episode for the pair");
        assertEquals("detected", episodes.getString("[0].state"));
        assertEquals(MARKERS, count(client, "professional-marker"));
        assertEquals(LOW_RATINGS, count(client, "below-cut-off"));
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.feedback-recorded.v1") == LOW_RATINGS);
        assertEquals(1, AllianceTopic.count(events, "rapport.alliance.rupture-detected.v1"), "detected once");
    }

    private HttpRequest post(UUID client, String path, String json) {
        return HttpRequest.newBuilder(clients.resolve(client + "/" + path))
                .header("Authorization", "Bearer " + Tokens.of(DemoUsers.THEO))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** How many signals of this kind the client's episodes hold. */
    private static long count(UUID client, String kind) {
        return as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then().statusCode(200)
                .extract().jsonPath().getList("signals.flatten().kind", String.class).stream().filter(kind::equals).count();
    }
}
