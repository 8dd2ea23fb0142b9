package app.rapport.clients.support;

import app.rapport.platform.audit.AuditEntry;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shared steps for client-service tests: callers, clients and care circles (through the API, or
 * straight in the database for tests not about them), and what a request wrote.
 */
public final class Fixtures {

    /** A solicitor at a firm that does not act for any of the test clients. */
    public static final DemoUser OTHER_FIRM_SOLICITOR = new DemoUser("olive", "0b8e6c1a-7d2f-4e3b-9a4c-5d6e7f8a9b10",
            "Olive Brandt", "olive@brandt-law.example", List.of("solicitor"), "org-brandt-law", List.of());

    private Fixtures() {
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(TokenSpec spec) {
        return given().auth().oauth2(Tokens.of(spec)).contentType(ContentType.JSON);
    }

    public static String token(DemoUser user) {
        return Tokens.of(user);
    }

    /** Registers a client through the API; the case manager joins its care circle. */
    public static UUID register(DemoUser caseManager, String givenName, String familyName) {
        String id = as(caseManager)
                .body(Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", "1984-03-09"))
                .post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String registerClient(DemoUser caseManager, String givenName) {
        return register(caseManager, givenName, "Achterberg").toString();
    }

    /** Adds a professional from the demo directory to the client's care circle through the API; returns the member id. */
    public static UUID addToCircle(DemoUser by, UUID clientId, DemoUser professional, String role) {
        DemoDirectory.ensureLoaded();
        String id = as(by).body(Map.of("role", role, "userId", professional.userId()))
                .post("/api/v1/clients/" + clientId + "/care-circle")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Registers a client with ALICE (team north) as case manager. */
    public static String registerWithAlice(String givenName, String familyName) {
        return as(DemoUsers.ALICE)
                .body("{\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName
                        + "\",\"dateOfBirth\":\"1979-06-21\",\"phone\":\"07700 900123\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    /** Names the demo law firm on the case, at the given stage. */
    public static void firmActs(String clientId, String stage) {
        as(DemoUsers.ALICE).body("{\"firmId\":\"" + DemoUsers.LAW_FIRM + "\",\"solicitorReference\":\"HS/2291\","
                        + "\"litigationStage\":\"" + stage + "\",\"injuryContext\":\"Fractured wrist in a cycling collision\"}")
                .put("/api/v1/clients/" + clientId + "/case").then().statusCode(200);
    }

    /** Puts a professional in the client's circle straight in the database, for tests not about the circle; returns the member id. */
    public static UUID joinCareCircle(String clientId, DemoUser user, CareTeamRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CareCircleMember member = new CareCircleMember();
            member.id = UUID.randomUUID();
            member.clientId = UUID.fromString(clientId);
            member.userId = user.userId();
            member.role = role;
            member.organisationId = user.organisationId();
            member.displayName = user.name();
            member.joinedOn = CareDays.today();
            member.addedBy = DemoUsers.ALICE.userId();
            member.persist();
            return member.id;
        });
    }

    public static void endMembership(UUID memberId) {
        QuarkusTransaction.requiringNew().run(() -> CareCircleMember.<CareCircleMember>findById(memberId).leftOn = CareDays.today());
    }

    /** Names the firm on the client's case straight in the database, which gives its solicitors a relationship. */
    public static void caseWithFirm(String clientId, String firmId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClientCase clientCase = new ClientCase();
            clientCase.clientId = UUID.fromString(clientId);
            clientCase.firmId = firmId;
            clientCase.solicitorReference = "HS/" + clientId.substring(0, 6);
            clientCase.updatedAt = Instant.now();
            clientCase.updatedBy = "test";
            clientCase.persist();
        });
    }

    /** Stands in for the record-keeping API. */
    public static void recordsKeptFor(String clientId, String period) {
        QuarkusTransaction.requiringNew().run(() -> Client.<Client>findById(UUID.fromString(clientId)).recordsRetention = period);
    }

    public static List<AuditEntry> audit(String clientId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.<AuditEntry>list("clientId = ?1 order by id", UUID.fromString(clientId)));
    }

    public static long consentRecords(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("clientId", UUID.fromString(clientId)));
    }

    public static long auditEntries(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("clientId", UUID.fromString(clientId)));
    }

    public static long auditEntries(String clientId, String actorId, String action, String resource) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "clientId = ?1 and actorId = ?2 and action = ?3 and resource = ?4", UUID.fromString(clientId), actorId,
                action, resource));
    }

    /** Events written to the outbox for the client (published or not). */
    public static long outboxEvents(String clientId, EventType type) {
        return outboxEvents(clientId, type.typeName());
    }

    public static long outboxEvents(String clientId, String eventType) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Client.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where message_key = ?1 and event_type = ?2")
                .setParameter(1, clientId).setParameter(2, eventType).getSingleResult()).longValue());
    }

    /**
     * Waits for the client's events of one type on the real topic, checks each against the contract's
     * JSON Schemas and returns them.
     */
    public static List<EventEnvelope> publishedEvents(String clientId, EventType type, int expected) {
        Predicate<ConsumerRecord<String, byte[]>> wanted = r -> clientId.equals(r.key())
                && EventCodec.parse(r.value()).type().equals(type.typeName());
        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().filter(wanted).count() >= expected, Duration.ofSeconds(20)).stream()
                    .filter(wanted).toList();
            assertEquals(expected, records.size(), "events of type " + type.typeName() + " for client " + clientId);
            records.forEach(r -> assertEquals(Set.of(), ContractVerifier.problems(r.value()),
                    "contract problems in " + new String(r.value(), StandardCharsets.UTF_8)));
            return records.stream().map(r -> EventCodec.parse(r.value())).toList();
        }
    }
}
