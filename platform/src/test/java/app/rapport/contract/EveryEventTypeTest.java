package app.rapport.contract;

import app.rapport.contract.alliance.EarlyWarning;
import app.rapport.contract.alliance.FeedbackRecorded;
import app.rapport.contract.alliance.RatingDiscrepancy;
import app.rapport.contract.alliance.RepairRecorded;
import app.rapport.contract.alliance.RuptureAcknowledged;
import app.rapport.contract.alliance.RuptureClosed;
import app.rapport.contract.alliance.RuptureDetected;
import app.rapport.contract.alliance.RuptureResolved;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.contract.client.SubjectAccessRequested;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.contract.goal.GoalAchieved;
import app.rapport.contract.goal.GoalSet;
import app.rapport.contract.goal.GoalUpdated;
import app.rapport.contract.litigation.MilestoneRecorded;
import app.rapport.contract.session.PairHistory;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionEndingApproaching;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.contract.session.SessionScheduled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sample of every event type goes through the codec: what is written passes the schemas, and
 * what is read back equals what was written. Adding a type without a sample fails here.
 */
class EveryEventTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final UUID CLIENT = UUID.fromString("0b8f6a8e-5d0c-4a7e-9f61-2c4d8e1a3b57");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.CLIENT_REGISTERED, new ClientRegistered(CLIENT, "C-ABC123", "org-1", "team-1", "user-1", "ur", true));
        samples.put(EventType.CLIENT_UPDATED, new ClientUpdated(CLIENT, "team-1", List.of("contact", "preferredLanguage"), "pl", false, "user-1"));
        samples.put(EventType.CLIENT_DISCHARGED, new ClientDischarged(CLIENT, "unplanned", DAY, "user-1"));
        samples.put(EventType.CLIENT_ERASED, new ClientErased(CLIENT, Instant.parse("2026-11-20T10:15:30Z"), "user-9"));
        samples.put(EventType.CLIENT_SUBJECT_ACCESS_REQUESTED, new SubjectAccessRequested(CLIENT, UUID.randomUUID(), "user-1"));
        samples.put(EventType.CARETEAM_MEMBER_JOINED, new MemberJoined(CLIENT, UUID.randomUUID(), "user-2",
                CareTeamRole.THERAPIST, "physiotherapy", "org-1", DAY, "user-1"));
        samples.put(EventType.CARETEAM_MEMBER_LEFT, new MemberLeft(CLIENT, UUID.randomUUID(), "user-2", CareTeamRole.THERAPIST, DAY));
        samples.put(EventType.CONSENT_GRANTED, new ConsentGranted(CLIENT, UUID.randomUUID(), DataCategory.SCHEDULE,
                CareTeamRole.SOLICITOR, null, DAY, DAY.plusYears(1), "user-1"));
        samples.put(EventType.CONSENT_WITHDRAWN, new ConsentWithdrawn(CLIENT, UUID.randomUUID(), DataCategory.GOALS,
                null, UUID.randomUUID(), DAY, "user-1"));
        samples.put(EventType.GOAL_SET, new GoalSet(CLIENT, UUID.randomUUID(), List.of("user-1", "user-2"), "user-1"));
        samples.put(EventType.GOAL_UPDATED, new GoalUpdated(CLIENT, UUID.randomUUID(), "active", 40, "user-2"));
        samples.put(EventType.GOAL_ACHIEVED, new GoalAchieved(CLIENT, UUID.randomUUID(), DAY, "user-2"));
        samples.put(EventType.LITIGATION_MILESTONE_RECORDED, new MilestoneRecorded(CLIENT, UUID.randomUUID(),
                "trial-date-set", DAY, DAY.plusMonths(8), "org-law", "user-7"));
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        UUID session = UUID.randomUUID();
        samples.put(EventType.SESSION_SCHEDULED, new SessionScheduled(session, CLIENT, List.of("user-2"), "therapy", start,
                start.plusSeconds(3600), "Europe/London", UUID.randomUUID(), "user-1"));
        samples.put(EventType.SESSION_RESCHEDULED, new SessionRescheduled(session, UUID.randomUUID(), CLIENT, List.of("user-2"),
                "review", start, start.plusSeconds(86400), start.plusSeconds(90000), 30.5, "user-1", "client"));
        samples.put(EventType.SESSION_CANCELLED, new SessionCancelled(session, CLIENT, List.of("user-2", "user-3"),
                "mdt-meeting", start, "client", "unwell", 3.25, "user-1"));
        samples.put(EventType.SESSION_ATTENDED, new SessionAttended(session, CLIENT, List.of("user-2"), "therapy", start, 7,
                List.of(new PairHistory("user-2", 14.0, 7.0)), "user-2"));
        samples.put(EventType.SESSION_MISSED, new SessionMissed(session, CLIENT, List.of("user-2"), "therapy", start,
                List.of(new PairHistory("user-2", null, null)), "user-2"));
        samples.put(EventType.SESSION_ENDING_APPROACHING, new SessionEndingApproaching(UUID.randomUUID(), CLIENT, "user-2",
                12, 10, 2));
        UUID episode = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-24T11:05:00Z");
        samples.put(EventType.ALLIANCE_FEEDBACK_RECORDED, new FeedbackRecorded(CLIENT, "user-2", UUID.randomUUID(),
                "rapport-session-alliance-check", "client", 29, 72.5, true, session, at));
        samples.put(EventType.ALLIANCE_RUPTURE_DETECTED, new RuptureDetected(CLIENT, "user-2", episode,
                List.of("below-cut-off", "drop-from-previous"), at));
        samples.put(EventType.ALLIANCE_RUPTURE_ACKNOWLEDGED, new RuptureAcknowledged(CLIENT, "user-2", episode, "user-1", at));
        samples.put(EventType.ALLIANCE_REPAIR_RECORDED, new RepairRecorded(CLIENT, "user-2", episode, UUID.randomUUID(),
                "explore-together", "user-2", at));
        samples.put(EventType.ALLIANCE_RUPTURE_RESOLVED, new RuptureResolved(CLIENT, "user-2", episode, UUID.randomUUID(),
                true, 12.5, at));
        samples.put(EventType.ALLIANCE_RUPTURE_CLOSED, new RuptureClosed(CLIENT, "user-2", episode, "unplanned-ending", false, at));
        samples.put(EventType.ALLIANCE_EARLY_WARNING, new EarlyWarning(CLIENT, "user-2", episode, "rapport-session-alliance-check",
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), 26.33, 30));
        samples.put(EventType.ALLIANCE_RATING_DISCREPANCY, new RatingDiscrepancy(CLIENT, "user-2", episode, UUID.randomUUID(),
                UUID.randomUUID(), 97.5, 40));
        return samples;
    }

    @Test
    void everyTypeHasASampleThatPassesTheSchemasAndRoundTrips() throws IOException {
        Map<EventType, Object> samples = samples();
        assertEquals(Set.of(EventType.values()), samples.keySet(), "a sample for every event type");
        for (var sample : samples.entrySet()) {
            EventType type = sample.getKey();
            EventEnvelope event = EventCodec.envelope(type, "/rapport/client-service", CLIENT, "org-1", "team-1", sample.getValue());
            byte[] wire = EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8);
            JsonNode tree = JSON.readTree(wire);

            assertEquals(Set.of(), problems("/app/rapport/contract/schemas/envelope.schema.json", tree), type.typeName());
            assertEquals(Set.of(), problems(type.schemaResource(), tree.get("data")), type.typeName());
            assertEquals(type.sensitivity().label(), tree.get("sensitivity").asText());
            assertEquals(sample.getValue(), EventCodec.parse(wire).dataAs(type.payloadType()), type.typeName());
        }
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotWrittenAsNull() throws IOException {
        EventEnvelope event = EventCodec.envelope(EventType.CLIENT_REGISTERED, "/rapport/client-service", CLIENT,
                "org-1", "team-1", new ClientRegistered(CLIENT, "C-ABC123", "org-1", "team-1", "user-1"));
        JsonNode data = JSON.readTree(EventCodec.toJson(event)).get("data");
        assertFalse(data.has("preferredLanguage"));
        assertEquals(Set.of(), problems(EventType.CLIENT_REGISTERED.schemaResource(), data));
    }

    @Test
    void consentNamesExactlyOneRecipient() throws IOException {
        ObjectNode both = (ObjectNode) EventCodec.tree(samples().get(EventType.CONSENT_GRANTED));
        both.put("recipientMemberId", UUID.randomUUID().toString());
        assertFalse(problems(EventType.CONSENT_GRANTED.schemaResource(), both).isEmpty(), "two recipients");
        ObjectNode neither = (ObjectNode) EventCodec.tree(samples().get(EventType.CONSENT_GRANTED));
        neither.remove("recipientRole");
        assertFalse(problems(EventType.CONSENT_GRANTED.schemaResource(), neither).isEmpty(), "no recipient");
    }

    @Test
    void vocabularyOutsideTheContractIsRefusedOnBothSides() throws IOException {
        ObjectNode badCategory = (ObjectNode) EventCodec.tree(samples().get(EventType.CONSENT_GRANTED));
        badCategory.put("category", "everything");
        assertFalse(problems(EventType.CONSENT_GRANTED.schemaResource(), badCategory).isEmpty());

        assertThrows(IllegalArgumentException.class, () -> new MilestoneRecorded(CLIENT, UUID.randomUUID(), "verdict",
                DAY, null, "org-law", "user-7").validate());
        assertThrows(IllegalArgumentException.class, () -> new GoalUpdated(CLIENT, UUID.randomUUID(), "active", 140, "u").validate());
        assertTrue(MilestoneRecorded.KINDS.stream().allMatch(kind -> schemaEnum(EventType.LITIGATION_MILESTONE_RECORDED, "kind").contains(kind)),
                "the Java list and the schema agree");
        assertEquals(Set.copyOf(GoalUpdated.STATUSES), schemaEnum(EventType.GOAL_UPDATED, "status"));
        assertEquals(Set.copyOf(app.rapport.contract.session.SessionTypes.CANCELLED_BY),
                schemaEnum(EventType.SESSION_RESCHEDULED, "requestedBy"));
        assertThrows(IllegalArgumentException.class, () -> new SessionRescheduled(CLIENT, UUID.randomUUID(), CLIENT,
                List.of("user-2"), "therapy", Instant.now(), Instant.now(), Instant.now(), 3, "user-1", "the-weather").validate());
        assertEquals(Set.copyOf(app.rapport.contract.alliance.AllianceTypes.REPAIR_STRATEGIES),
                schemaEnum(EventType.ALLIANCE_REPAIR_RECORDED, "strategy"));
        assertEquals(Set.copyOf(app.rapport.contract.alliance.AllianceTypes.CLOSE_REASONS),
                schemaEnum(EventType.ALLIANCE_RUPTURE_CLOSED, "reason"));
        assertThrows(IllegalArgumentException.class, () -> new RuptureDetected(CLIENT, "user-2", UUID.randomUUID(),
                List.of("bad-vibes"), Instant.now()).validate());
    }

    private static Set<String> schemaEnum(EventType type, String field) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonNode values = JSON.readTree(in).path("properties").path(field).path("enum");
            Set<String> result = new java.util.HashSet<>();
            values.forEach(v -> result.add(v.asText()));
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> problems(String schemaResource, JsonNode node) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(schemaResource)) {
            JsonSchema schema = FACTORY.getSchema(in);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        }
    }
}
