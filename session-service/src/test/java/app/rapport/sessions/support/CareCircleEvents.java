package app.rapport.sessions.support;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.SharedInfrastructure;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Sets up session-service's care-circle read model the way production does: client-service's contract
 * events on the real topic, consumed by the running service. Each call waits until the event was applied.
 */
public final class CareCircleEvents {

    private static final String SOURCE = "/rapport/client-service";
    private static KafkaProducer<String, byte[]> producer;

    private final UUID clientId;
    private final String organisationId;
    private final String teamId;

    private CareCircleEvents(UUID clientId, String organisationId, String teamId) {
        this.clientId = clientId;
        this.organisationId = organisationId;
        this.teamId = teamId;
    }

    /** Registers a new client in the team and waits until session-service knows them. */
    public static CareCircleEvents register(String organisationId, String teamId, String registeredBy) {
        UUID clientId = UUID.randomUUID();
        CareCircleEvents client = new CareCircleEvents(clientId, organisationId, teamId);
        String reference = "C-" + clientId.toString().replace("-", "").substring(0, 6).toUpperCase();
        client.publish(EventType.CLIENT_REGISTERED, new ClientRegistered(clientId, reference, organisationId, teamId, registeredBy));
        return client;
    }

    /** A team-north client of alice's with theo as therapist, sam as support worker and sophie as solicitor. */
    public static CareCircleEvents withWholeNorthCircle() {
        CareCircleEvents client = register(DemoUsers.ORGANISATION, DemoUsers.TEAM_NORTH, DemoUsers.ALICE.userId());
        client.join(DemoUsers.ALICE.userId(), CareTeamRole.CASE_MANAGER);
        client.join(DemoUsers.THEO.userId(), CareTeamRole.THERAPIST);
        client.join(DemoUsers.SAM.userId(), CareTeamRole.SUPPORT_WORKER);
        client.join(DemoUsers.SOPHIE.userId(), CareTeamRole.SOLICITOR);
        return client;
    }

    public UUID id() {
        return clientId;
    }

    public UUID join(String userId, CareTeamRole role) {
        UUID memberId = UUID.randomUUID();
        publish(EventType.CARETEAM_MEMBER_JOINED, new MemberJoined(clientId, memberId, userId, role, null, organisationId,
                CareDays.today()));
        return memberId;
    }

    public void leave(UUID memberId, String userId, CareTeamRole role) {
        publish(EventType.CARETEAM_MEMBER_LEFT, new MemberLeft(clientId, memberId, userId, role, CareDays.today()));
    }

    public void grant(DataCategory category, CareTeamRole role) {
        publish(EventType.CONSENT_GRANTED, new ConsentGranted(clientId, UUID.randomUUID(), category, role, null,
                CareDays.today().minusDays(1), null, "alice"));
    }

    public void withdraw(DataCategory category, CareTeamRole role) {
        publish(EventType.CONSENT_WITHDRAWN, new ConsentWithdrawn(clientId, UUID.randomUUID(), category, role, null,
                CareDays.today(), "alice"));
    }

    /** The client moved to another team. */
    public void moveTo(String newTeamId) {
        publish(EventType.CLIENT_UPDATED, new app.rapport.contract.client.ClientUpdated(clientId, newTeamId, List.of("teamId"),
                null, null, "alice"));
    }

    /** Delivers one consent grant twice, as the broker may after a failure, then waits until both copies were consumed. */
    public void grantDeliveredTwice(DataCategory category, CareTeamRole role) {
        EventEnvelope event = EventCodec.envelope(EventType.CONSENT_GRANTED, SOURCE, clientId, organisationId, teamId,
                new ConsentGranted(clientId, UUID.randomUUID(), category, role, null, CareDays.today().minusDays(1), null, "alice"));
        send(event);
        send(event);
        // Same key, same partition: once a later event is applied, both copies have been consumed.
        join("marker-" + UUID.randomUUID(), CareTeamRole.CASE_MANAGER);
    }

    public void erase() {
        publish(EventType.CLIENT_ERASED, new ClientErased(clientId, Instant.now(), "omar"));
    }

    private void publish(EventType type, Object payload) {
        EventEnvelope event = EventCodec.envelope(type, SOURCE, clientId, organisationId, teamId, payload);
        send(event);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> processed(event.id()));
    }

    private static void send(EventEnvelope event) {
        Set<String> problems = ContractVerifier.problems(event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("test event breaks the contract: " + problems);
        }
        try {
            producer().send(new ProducerRecord<>(Topic.CLIENTS.topicName(), event.subject(),
                    EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.type(), e);
        }
    }

    private static boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Number count = (Number) em.createNativeQuery(
                            "select count(*) from processed_event where consumer = 'session-service' and event_id = ?1")
                    .setParameter(1, eventId).getSingleResult();
            return count.intValue() == 1;
        });
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
