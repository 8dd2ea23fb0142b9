package app.rapport.clients.service;

import app.rapport.contract.Topic;
import app.rapport.devkit.kafka.KafkaBroker;
import app.rapport.devkit.testing.SharedInfrastructure;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker outage delays events; it never loses them. */
@QuarkusTest
class BrokerOutageTest {

    private static final int CHANGES_DURING_OUTAGE = 25;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void everyChangeMadeWhileTheBrokerIsDownIsPublishedAfterItReturns() throws Exception {
        KafkaBroker broker = SharedInfrastructure.kafka();
        List<String> clientIds = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < CHANGES_DURING_OUTAGE; i++) {
                clientIds.add(given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).contentType(ContentType.JSON)
                        .body("{\"givenName\":\"Outage" + i + "\",\"familyName\":\"Client\"}")
                        .post("/api/v1/clients").then().statusCode(201).extract().path("id"));
            }
            assertTrue(unpublished(clientIds) == CHANGES_DURING_OUTAGE,
                    "while the broker is down every event waits in the outbox");
            // Operators see the outage on the lag metrics while it lasts, not only once it is over.
            await().atMost(Duration.ofSeconds(60)).until(() -> backlog() >= CHANGES_DURING_OUTAGE);
        } finally {
            broker.start();
        }

        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            Set<String> wanted = new HashSet<>(clientIds);
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(wanted),
                    Duration.ofSeconds(90));
            Set<String> arrived = records.stream().map(ConsumerRecord::key).filter(wanted::contains)
                    .collect(Collectors.toSet());
            assertEquals(wanted, arrived, "every event made during the outage arrives");
        }
        // The relay marks rows published once the broker has acknowledged them, a moment after readers see them.
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(clientIds) == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
    }

    private double backlog() {
        return metrics.get("rapport.outbox.backlog").gauge().value();
    }

    private long unpublished(List<String> clientIds) throws Exception {
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select count(*) from outbox_event where published_at is null and message_key = any(?)"
                             + " and event_type = 'rapport.client.registered.v1'")) {
            query.setArray(1, connection.createArrayOf("text", clientIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
