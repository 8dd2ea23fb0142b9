package app.rapport.clients.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.Topic;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.contract.goal.GoalAchieved;
import app.rapport.contract.goal.GoalSet;
import app.rapport.contract.goal.GoalUpdated;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.registerClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What consent and goal changes put on the wire: contract-conforming events, in order, keyed by client, without the client's words. */
@QuarkusTest
class ConsentAndGoalEventsTest {

    /** Per test, so that a run across midnight does not compare with yesterday. */
    private final LocalDate today = CareDays.today();

    /** Reads the client's events from the real topic until {@code count} have arrived; checks each against its schema. */
    private static List<EventEnvelope> eventsOf(String clientId, int count) {
        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().filter(r -> clientId.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                    .stream().filter(r -> clientId.equals(r.key())).toList();
            assertEquals(count, records.size(), "events for client " + clientId);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertEquals(Set.of(), ContractVerifier.problems(record.value()));
                String raw = new String(record.value(), StandardCharsets.UTF_8);
                assertFalse(raw.contains("Whitby") || raw.contains("my sister"), "the client's words stay out of events");
            }
            return records.stream().map(r -> EventCodec.parse(r.value())).toList();
        }
    }

    @Test
    void consentDecisionsArePublishedAsGrantedAndWithdrawn() {
        String clientId = registerClient(DemoUsers.ALICE, "Sol");
        UUID sam = joinCareCircle(clientId, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        String path = "/api/v1/clients/" + clientId + "/consent";
        String grant = as(DemoUsers.ALICE).body("{\"category\":\"schedule\",\"recipientRole\":\"family\",\"decision\":\"granted\","
                        + "\"effectiveUntil\":\"" + today.plusYears(1) + "\",\"note\":\"my sister may know\"}")
                .post(path).then().statusCode(201).extract().path("id");
        String withdrawal = as(DemoUsers.ALICE).body("{\"category\":\"goals\",\"recipientMemberId\":\"" + sam
                        + "\",\"decision\":\"withdrawn\",\"effectiveFrom\":\"" + today.plusDays(2) + "\"}")
                .post(path).then().statusCode(201).extract().path("id");

        List<EventEnvelope> events = eventsOf(clientId, 4);
        assertEquals(List.of("rapport.client.registered.v1", "rapport.careteam.member-joined.v1", "rapport.consent.granted.v1", "rapport.consent.withdrawn.v1"),
                events.stream().map(EventEnvelope::type).toList());

        EventEnvelope grantedEvent = events.get(2);
        assertEquals(DemoUsers.ORGANISATION, grantedEvent.organisationid());
        assertEquals("personal", grantedEvent.sensitivity());
        ConsentGranted granted = grantedEvent.dataAs(ConsentGranted.class);
        assertEquals(new ConsentGranted(UUID.fromString(clientId), UUID.fromString(grant), DataCategory.SCHEDULE,
                CareTeamRole.FAMILY, null, today, today.plusYears(1), DemoUsers.ALICE.userId()), granted);

        ConsentWithdrawn withdrawn = events.get(3).dataAs(ConsentWithdrawn.class);
        assertEquals(new ConsentWithdrawn(UUID.fromString(clientId), UUID.fromString(withdrawal), DataCategory.GOALS,
                null, sam, today.plusDays(2), DemoUsers.ALICE.userId()), withdrawn);
    }

    @Test
    void goalsArePublishedWhenSetUpdatedAndAchieved() {
        String clientId = registerClient(DemoUsers.ALICE, "Tam");
        joinCareCircle(clientId, DemoUsers.THEO, CareTeamRole.THERAPIST);
        String goals = "/api/v1/clients/" + clientId + "/goals";
        String goalId = as(DemoUsers.THEO).body("{\"statement\":\"Drive to Whitby\",\"agreedBy\":[\""
                        + DemoUsers.THEO.userId() + "\",\"" + DemoUsers.ALICE.userId() + "\"]}")
                .post(goals).then().statusCode(201).extract().path("id");
        as(DemoUsers.THEO).body("{\"note\":\"Drove to Whitby's outskirts\",\"progressPercent\":70}")
                .post(goals + "/" + goalId + "/progress").then().statusCode(201);
        as(DemoUsers.ALICE).body("{\"status\":\"achieved\"}").patch(goals + "/" + goalId).then().statusCode(200);

        List<EventEnvelope> events = eventsOf(clientId, 6);
        assertEquals(List.of("rapport.client.registered.v1", "rapport.careteam.member-joined.v1", "rapport.goal.set.v1", "rapport.goal.updated.v1",
                "rapport.goal.updated.v1", "rapport.goal.achieved.v1"), events.stream().map(EventEnvelope::type).toList());
        assertEquals("health", events.get(2).sensitivity());

        UUID client = UUID.fromString(clientId);
        UUID goal = UUID.fromString(goalId);
        GoalSet set = events.get(2).dataAs(GoalSet.class);
        assertEquals(new GoalSet(client, goal, List.of(DemoUsers.ALICE.userId(), DemoUsers.THEO.userId()).stream().sorted().toList(),
                DemoUsers.THEO.userId()), set);
        assertEquals(new GoalUpdated(client, goal, "active", 70, DemoUsers.THEO.userId()),
                events.get(3).dataAs(GoalUpdated.class));
        assertEquals(new GoalUpdated(client, goal, "achieved", 70, DemoUsers.ALICE.userId()),
                events.get(4).dataAs(GoalUpdated.class));
        GoalAchieved achieved = events.get(5).dataAs(GoalAchieved.class);
        assertEquals(new GoalAchieved(client, goal, today, DemoUsers.ALICE.userId()), achieved);
        assertEquals(DemoUsers.TEAM_NORTH, events.get(5).teamid());
    }
}
