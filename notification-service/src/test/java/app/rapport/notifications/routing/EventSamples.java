package app.rapport.notifications.routing;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.client.ClientUpdated;
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
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.SharedInfrastructure;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Builds contract events the way client-service and session-service do and puts raw records on the real broker. */
public final class EventSamples {

    /** Someone outside every care circle, recorded as the author of events so nobody is skipped as the actor. */
    public static final String OUTSIDER = "9e9e9e9e-0000-4000-8000-000000000001";
    private static final String CLIENTS = "/rapport/client-service";
    private static final String SESSIONS = "/rapport/session-service";

    private EventSamples() {
    }

    public static LocalDate today() {
        return CareDays.today();
    }

    public static EventEnvelope clientRegistered(DemoUser registeredBy) {
        UUID clientId = UUID.randomUUID();
        String reference = "C-" + clientId.toString().replace("-", "").substring(0, 6).toUpperCase();
        return EventCodec.envelope(EventType.CLIENT_REGISTERED, CLIENTS, clientId,
                DemoUsers.ORGANISATION, registeredBy.teamIds().get(0),
                new ClientRegistered(clientId, reference, DemoUsers.ORGANISATION, registeredBy.teamIds().get(0),
                        registeredBy.userId()));
    }

    public static EventEnvelope of(EventType type, UUID clientId, Object payload) {
        EventEnvelope event = EventCodec.envelope(type, type.topic() == Topic.SESSIONS ? SESSIONS : CLIENTS, clientId,
                DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, payload);
        Set<String> problems = ContractVerifier.problems(event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("sample breaks the contract: " + problems);
        }
        return event;
    }

    public static EventEnvelope joined(UUID clientId, UUID memberId, DemoUser user, CareTeamRole role) {
        return of(EventType.CARETEAM_MEMBER_JOINED, clientId, new MemberJoined(clientId, memberId,
                user == null ? null : user.userId(), role, null, user == null ? null : user.organisationId(), today()));
    }

    public static EventEnvelope left(UUID clientId, UUID memberId, DemoUser user, CareTeamRole role) {
        return of(EventType.CARETEAM_MEMBER_LEFT, clientId, new MemberLeft(clientId, memberId, user.userId(), role, today()));
    }

    public static EventEnvelope granted(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        return of(EventType.CONSENT_GRANTED, clientId, new ConsentGranted(clientId, UUID.randomUUID(), category, role,
                memberId, today(), null, OUTSIDER));
    }

    public static EventEnvelope withdrawn(UUID clientId, DataCategory category, CareTeamRole role, UUID memberId) {
        return of(EventType.CONSENT_WITHDRAWN, clientId, new ConsentWithdrawn(clientId, UUID.randomUUID(), category, role,
                memberId, today(), OUTSIDER));
    }

    public static EventEnvelope discharged(UUID clientId) {
        return of(EventType.CLIENT_DISCHARGED, clientId, new ClientDischarged(clientId, "planned", today(), OUTSIDER));
    }

    public static EventEnvelope updated(UUID clientId) {
        return of(EventType.CLIENT_UPDATED, clientId, new ClientUpdated(clientId, DemoUsers.TEAM_NORTH, List.of("contact"),
                null, null, OUTSIDER));
    }

    public static EventEnvelope erased(UUID clientId) {
        return of(EventType.CLIENT_ERASED, clientId, new ClientErased(clientId, Instant.now(), OUTSIDER));
    }

    public static EventEnvelope goalSet(UUID clientId, UUID goalId, DemoUser agreedBy) {
        return of(EventType.GOAL_SET, clientId, new GoalSet(clientId, goalId, List.of(agreedBy.userId()), OUTSIDER));
    }

    public static EventEnvelope goalUpdated(UUID clientId, UUID goalId) {
        return of(EventType.GOAL_UPDATED, clientId, new GoalUpdated(clientId, goalId, "on-hold", 40, OUTSIDER));
    }

    public static EventEnvelope goalAchieved(UUID clientId, UUID goalId) {
        return of(EventType.GOAL_ACHIEVED, clientId, new GoalAchieved(clientId, goalId, today(), OUTSIDER));
    }

    public static EventEnvelope milestone(UUID clientId) {
        return of(EventType.LITIGATION_MILESTONE_RECORDED, clientId, new MilestoneRecorded(clientId, UUID.randomUUID(),
                "trial-date-set", today(), today().plusMonths(6), DemoUsers.LAW_FIRM, OUTSIDER));
    }

    private static Instant nextWeek() {
        return Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private static List<String> ids(List<DemoUser> professionals) {
        return professionals.stream().map(DemoUser::userId).toList();
    }

    public static EventEnvelope scheduled(UUID clientId, UUID sessionId, List<DemoUser> professionals) {
        Instant start = nextWeek();
        return of(EventType.SESSION_SCHEDULED, clientId, new SessionScheduled(sessionId, clientId, ids(professionals),
                "therapy", start, start.plus(Duration.ofHours(1)), "Europe/London", null, OUTSIDER));
    }

    public static EventEnvelope rescheduled(UUID clientId, UUID sessionId, List<DemoUser> professionals) {
        Instant start = nextWeek();
        return of(EventType.SESSION_RESCHEDULED, clientId, new SessionRescheduled(sessionId, UUID.randomUUID(), clientId,
                ids(professionals), "therapy", start, start.plus(Duration.ofDays(1)),
                start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), 168, OUTSIDER));
    }

    public static EventEnvelope cancelled(UUID clientId, UUID sessionId, List<DemoUser> professionals) {
        return of(EventType.SESSION_CANCELLED, clientId, new SessionCancelled(sessionId, clientId, ids(professionals),
                "therapy", nextWeek(), "client", "illness", 12.5, OUTSIDER));
    }

    public static EventEnvelope attended(UUID clientId, UUID sessionId, List<DemoUser> professionals) {
        return of(EventType.SESSION_ATTENDED, clientId, new SessionAttended(sessionId, clientId, ids(professionals),
                "therapy", Instant.now().minus(Duration.ofHours(2)), 0,
                professionals.stream().map(p -> new PairHistory(p.userId(), null, null)).toList(), OUTSIDER));
    }

    public static EventEnvelope missed(UUID clientId, UUID sessionId, List<DemoUser> professionals) {
        return of(EventType.SESSION_MISSED, clientId, new SessionMissed(sessionId, clientId, ids(professionals),
                "therapy", Instant.now().minus(Duration.ofHours(2)),
                professionals.stream().map(p -> new PairHistory(p.userId(), 7.0, 7.0)).toList(), OUTSIDER));
    }

    public static EventEnvelope endingApproaching(UUID clientId, DemoUser professional) {
        return of(EventType.SESSION_ENDING_APPROACHING, clientId, new SessionEndingApproaching(UUID.randomUUID(), clientId,
                professional.userId(), 12, 10, 2));
    }

    public static byte[] bytes(EventEnvelope event) {
        return EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    static void send(String key, byte[] value) throws Exception {
        send(Topic.CLIENTS, key, value);
    }

    /** Publishes each event to its own topic, keyed by client id, in order. */
    public static void publish(EventEnvelope... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EventEnvelope event : events) {
                Topic topic = EventType.fromTypeName(event.type()).orElseThrow().topic();
                producer.send(new ProducerRecord<>(topic.topicName(), event.subject(), bytes(event))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    static void send(Topic topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
