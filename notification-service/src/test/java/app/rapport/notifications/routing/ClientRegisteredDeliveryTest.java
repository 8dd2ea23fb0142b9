package app.rapport.notifications.routing;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.Topic;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consuming side of the contract, and the three reliability guarantees, against the real broker. */
@QuarkusTest
class ClientRegisteredDeliveryTest {

    private static List<String> inboxClientIds(DemoUser user) {
        JsonPath inbox = given().auth().oauth2(Tokens.of(user)).get("/api/v1/notifications/inbox?size=100")
                .then().statusCode(200).extract().jsonPath();
        return inbox.getList("items.clientId", String.class);
    }

    private static long occurrences(DemoUser user, String clientId) {
        return inboxClientIds(user).stream().filter(clientId::equals).count();
    }

    @Test
    void aRegisteredClientReachesTheRegisteringCaseManagersInboxOnly() throws Exception {
        EventEnvelope event = EventSamples.clientRegistered(DemoUsers.ALICE);
        assertEquals(Set.of(), ContractVerifier.problems(event), "the sample honours the contract");

        EventSamples.send(event.subject(), EventSamples.bytes(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> occurrences(DemoUsers.ALICE, event.subject()) == 1);
        given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).get("/api/v1/notifications/inbox?size=100")
                .then().statusCode(200)
                .body("items.find { it.clientId == '" + event.subject() + "' }.title",
                        org.hamcrest.Matchers.containsString(event.data().get("clientReference").asText()))
                .body("items.find { it.clientId == '" + event.subject() + "' }.link",
                        org.hamcrest.Matchers.equalTo("/clients/" + event.subject()));
        assertEquals(0, occurrences(DemoUsers.BILAL, event.subject()), "nobody else is told");
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        EventEnvelope event = EventSamples.clientRegistered(DemoUsers.ALICE);
        EventEnvelope marker = EventSamples.clientRegistered(DemoUsers.ALICE);

        EventSamples.send(event.subject(), EventSamples.bytes(event));
        EventSamples.send(event.subject(), EventSamples.bytes(event));
        // Same key, so same partition: once the marker is applied, both copies have been consumed.
        EventSamples.send(event.subject(), EventSamples.bytes(marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> occurrences(DemoUsers.ALICE, marker.subject()) == 1);
        assertEquals(1, occurrences(DemoUsers.ALICE, event.subject()));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndLaterRecordsAreStillProcessed() throws Exception {
        EventEnvelope valid = EventSamples.clientRegistered(DemoUsers.ALICE);
        EventEnvelope missingField = EventSamples.clientRegistered(DemoUsers.ALICE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) missingField.data()).remove("registeredBy");
        String key = valid.subject();

        EventSamples.send(key, "{not json at all".getBytes(StandardCharsets.UTF_8));
        EventSamples.send(key, EventSamples.bytes(missingField));
        EventSamples.send(key, EventSamples.bytes(valid));

        await().atMost(Duration.ofSeconds(30)).until(() -> occurrences(DemoUsers.ALICE, valid.subject()) == 1);

        try (TopicReader deadLetters = new TopicReader(Topic.deadLetterTopic("notification-service"))) {
            List<ConsumerRecord<String, byte[]>> parked = deadLetters.readUntil(
                    seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
            List<String> reasons = parked.stream().filter(r -> key.equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader("rapport-dlt-reason").value(), StandardCharsets.UTF_8))
                    .toList();
            assertEquals(2, reasons.size(), "both bad records are parked: " + reasons);
            assertTrue(reasons.get(0).contains("not a CloudEvents JSON envelope"), reasons.get(0));
            assertTrue(reasons.get(1).contains("registeredBy is required"), reasons.get(1));
            ConsumerRecord<String, byte[]> first = parked.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertEquals(Topic.CLIENTS.topicName(),
                    new String(first.headers().lastHeader("rapport-dlt-topic").value(), StandardCharsets.UTF_8));
        }
        assertEquals(0, occurrences(DemoUsers.ALICE, missingField.subject()), "a bad event has no effect");
    }
}
