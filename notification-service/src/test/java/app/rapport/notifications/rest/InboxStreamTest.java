package app.rapport.notifications.rest;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.notifications.routing.EventSamples;
import app.rapport.notifications.service.Delivery;
import app.rapport.notifications.service.InAppInbox;
import app.rapport.notifications.support.SseClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream over a real HTTP connection: items appear at once, and a reconnect loses nothing. */
@QuarkusTest
class InboxStreamTest {

    @TestHTTPResource("/api/v1/notifications/inbox/stream")
    URI stream;

    @Inject
    InAppInbox inbox;

    private String deliver(String recipientId, String title) {
        UUID clientId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> inbox.deliver(new Delivery(UUID.randomUUID(), recipientId, clientId,
                "rapport.goal.achieved.v1", title, "/clients/" + clientId)));
        return clientId.toString();
    }

    private static List<String> titles(SseClient client) {
        return client.events().stream().map(e -> JsonPath.from(e.data()).getString("title")).toList();
    }

    @Test
    void anEventOnTheBrokerAppearsOnAnOpenStreamAtOnce() throws Exception {
        try (SseClient theo = new SseClient(stream, Tokens.of(DemoUsers.THEO), null).connected()) {
            EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
            UUID client = registration.clientId();
            UUID goal = UUID.randomUUID();
            EventSamples.publish(registration,
                    EventSamples.joined(client, UUID.randomUUID(), DemoUsers.THEO, CareTeamRole.THERAPIST),
                    EventSamples.goalAchieved(client, goal));
            await().atMost(Duration.ofSeconds(30)).until(() -> theo.events().stream()
                    .anyMatch(e -> e.data().contains("/goals/" + goal)));
            SseClient.Event event = theo.events().stream().filter(e -> e.data().contains("/goals/" + goal)).findFirst()
                    .orElseThrow();
            assertEquals("notification", event.name());
            JsonPath item = JsonPath.from(event.data());
            assertEquals(client.toString(), item.getString("clientId"));
            assertEquals(event.id(), Long.toString(item.getLong("streamId")), "the event id is the stream position");
            assertTrue(item.getString("title").startsWith("Client " + registration.data().get("clientReference").asText()));
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysWhatWasMissedInOrderAndNothingTwice() throws Exception {
        String lastSeen;
        try (SseClient first = new SseClient(stream, Tokens.of(DemoUsers.NADIA), null).connected()) {
            deliver(DemoUsers.NADIA.userId(), "one");
            await().atMost(Duration.ofSeconds(20)).until(() -> titles(first).contains("one"));
            lastSeen = first.events().get(first.events().size() - 1).id();
        }
        deliver(DemoUsers.NADIA.userId(), "two");
        deliver(DemoUsers.NADIA.userId(), "three");
        try (SseClient again = new SseClient(stream, Tokens.of(DemoUsers.NADIA), lastSeen).connected()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> titles(again).contains("three"));
            deliver(DemoUsers.NADIA.userId(), "four");
            await().atMost(Duration.ofSeconds(20)).until(() -> titles(again).contains("four"));
            assertEquals(List.of("two", "three", "four"), titles(again));
        }
    }

    @Test
    void aStreamCarriesOnlyItsOwnersItems() throws Exception {
        try (SseClient kwame = new SseClient(stream, Tokens.of(DemoUsers.KWAME), null).connected();
             SseClient bilal = new SseClient(stream, Tokens.of(DemoUsers.BILAL), null).connected()) {
            deliver(DemoUsers.KWAME.userId(), "for kwame");
            deliver(DemoUsers.BILAL.userId(), "for bilal");
            await().atMost(Duration.ofSeconds(20)).until(() -> titles(kwame).contains("for kwame")
                    && titles(bilal).contains("for bilal"));
            assertEquals(List.of("for kwame"), titles(kwame));
            assertEquals(List.of("for bilal"), titles(bilal));
        }
    }

    @Test
    void theStreamNeedsATokenAndAValidPosition() throws Exception {
        try (SseClient anonymous = new SseClient(stream, "not-a-token", null)) {
            assertEquals(401, anonymous.status());
        }
        try (SseClient bad = new SseClient(stream, Tokens.of(DemoUsers.KWAME), "yesterday")) {
            assertEquals(400, bad.status());
        }
    }
}
