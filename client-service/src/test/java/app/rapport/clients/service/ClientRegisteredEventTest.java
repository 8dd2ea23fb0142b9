package app.rapport.clients.service;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.Topic;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publishing side of the contract: what client-service puts on the wire. The relay's safety-net
 * poll is ten minutes in tests, so the event arriving within the wait shows the commit woke the relay.
 */
@QuarkusTest
class ClientRegisteredEventTest {

    @Test
    void registrationPublishesAContractConformingEventKeyedByClient() {
        String clientId = given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Mira\",\"familyName\":\"Sato\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");

        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().anyMatch(r -> clientId.equals(r.key())), Duration.ofSeconds(20));
            ConsumerRecord<String, byte[]> record = records.stream().filter(r -> clientId.equals(r.key()))
                    .findFirst().orElseThrow(() -> new AssertionError("no event for client " + clientId));

            assertEquals(Set.of(), ContractVerifier.problems(record.value()));
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            EventEnvelope event = EventCodec.parse(record.value());
            assertEquals("rapport.client.registered.v1", event.type());
            assertEquals("/rapport/client-service", event.source());
            assertEquals(clientId, event.subject());
            assertEquals(DemoUsers.ORGANISATION, event.organisationid());
            assertEquals("personal", event.sensitivity());
            ClientRegistered data = event.dataAs(ClientRegistered.class);
            assertEquals(UUID.fromString(clientId), data.clientId());
            assertEquals(DemoUsers.ALICE.userId(), data.registeredBy());
            assertTrue(!new String(record.value(), StandardCharsets.UTF_8).contains("Mira"),
                    "names stay out of events");
        }
    }

}
