package app.rapport.alliance.support;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.contract.session.SessionCancelled;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contract events as client-service and session-service publish them, put on the real topics. */
public final class Events {

    private static KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Sends a contract event (checked against its schema first) to its topic, keyed by client id. */
    public static EventEnvelope publish(EventType type, UUID clientId, String teamId, Object payload) {
        String source = type.topic() == app.rapport.contract.Topic.SESSIONS ? "/rapport/session-service" : "/rapport/client-service";
        EventEnvelope event = EventCodec.envelope(type, source, clientId, DemoUsers.ORGANISATION, teamId, payload);
        assertEquals(Set.of(), ContractVerifier.problems(event), "the sample honours the contract");
        try {
            producer().send(new ProducerRecord<>(type.topic().topicName(), clientId.toString(),
                    EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    public static UUID registered(DemoUser caseManager, String preferredLanguage) {
        UUID clientId = UUID.randomUUID();
        String team = caseManager.teamIds().get(0);
        publish(EventType.CLIENT_REGISTERED, clientId, team, new ClientRegistered(clientId,
                "C-" + clientId.toString().substring(0, 6).toUpperCase(), DemoUsers.ORGANISATION, team, caseManager.userId(),
                preferredLanguage, false));
        return clientId;
    }

    public static UUID joined(UUID clientId, DemoUser member, CareTeamRole role) {
        UUID memberId = UUID.randomUUID();
        publish(EventType.CARETEAM_MEMBER_JOINED, clientId, member.teamIds().isEmpty() ? DemoUsers.TEAM_NORTH
                : member.teamIds().get(0), new MemberJoined(clientId, memberId, member.userId(), role, null,
                member.organisationId(), CareDays.today().minusDays(30)));
        return memberId;
    }

    public static void left(UUID clientId, UUID memberId, DemoUser member, CareTeamRole role) {
        publish(EventType.CARETEAM_MEMBER_LEFT, clientId, DemoUsers.TEAM_NORTH,
                new MemberLeft(clientId, memberId, member.userId(), role, CareDays.today()));
    }

    public static void discharged(UUID clientId, String ending) {
        publish(EventType.CLIENT_DISCHARGED, clientId, DemoUsers.TEAM_NORTH,
                new ClientDischarged(clientId, ending, CareDays.today(), DemoUsers.ALICE.userId()));
    }

    /** A consent decision as client-service announces it; exactly one of {@code role} and {@code memberId}. */
    public static void consent(UUID clientId, boolean granted, DataCategory category, CareTeamRole role, UUID memberId,
                               LocalDate from, LocalDate until) {
        UUID consentId = UUID.randomUUID();
        if (granted) {
            publish(EventType.CONSENT_GRANTED, clientId, DemoUsers.TEAM_NORTH, new ConsentGranted(clientId, consentId, category,
                    role, memberId, from, until, DemoUsers.ALICE.userId()));
        } else {
            publish(EventType.CONSENT_WITHDRAWN, clientId, DemoUsers.TEAM_NORTH, new ConsentWithdrawn(clientId, consentId,
                    category, role, memberId, from, DemoUsers.ALICE.userId()));
        }
    }

    /** A session booked by session-service for the client with {@code professionals}, starting {@code start}. */
    public static UUID scheduled(UUID clientId, Instant start, DemoUser... professionals) {
        UUID sessionId = UUID.randomUUID();
        publish(EventType.SESSION_SCHEDULED, clientId, DemoUsers.TEAM_NORTH, new SessionScheduled(sessionId, clientId,
                userIds(professionals), "therapy", start, start.plusSeconds(3600), "Europe/London", null,
                DemoUsers.ALICE.userId()));
        return sessionId;
    }

    public static void sessionCancelled(UUID sessionId, UUID clientId, Instant start, DemoUser... professionals) {
        publish(EventType.SESSION_CANCELLED, clientId, DemoUsers.TEAM_NORTH, new SessionCancelled(sessionId, clientId,
                userIds(professionals), "therapy", start, "professional", "illness", 72, DemoUsers.ALICE.userId()));
    }

    /** Moves the session; returns the id of the session booked at the new time. */
    public static UUID sessionRescheduled(UUID sessionId, UUID clientId, Instant previousStart, Instant start,
                                          DemoUser... professionals) {
        UUID newSessionId = UUID.randomUUID();
        publish(EventType.SESSION_RESCHEDULED, clientId, DemoUsers.TEAM_NORTH, new SessionRescheduled(sessionId,
                newSessionId, clientId, userIds(professionals), "therapy", previousStart, start, start.plusSeconds(3600),
                72, DemoUsers.ALICE.userId()));
        return newSessionId;
    }

    private static java.util.List<String> userIds(DemoUser... users) {
        return java.util.Arrays.stream(users).map(DemoUser::userId).toList();
    }

    public static void erased(UUID clientId) {
        publish(EventType.CLIENT_ERASED, clientId, DemoUsers.TEAM_NORTH, new ClientErased(clientId, Instant.now(),
                DemoUsers.OMAR.userId()));
    }
}
