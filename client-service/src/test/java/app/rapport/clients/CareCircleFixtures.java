package app.rapport.clients;

import app.rapport.clients.domain.AuditEntry;
import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Sets up care circles and cases straight in the database, for tests of features that depend on
 * them but are not about them, and reads back what a request wrote.
 */
public final class CareCircleFixtures {

    private CareCircleFixtures() {
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** Registers a client through the API; the case manager joins its care circle. */
    public static String registerClient(DemoUser caseManager, String givenName) {
        return as(caseManager).body("{\"givenName\":\"" + givenName + "\",\"familyName\":\"Achterberg\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    /** Adds a professional to the client's care circle and returns the membership id. */
    public static UUID addMember(String clientId, DemoUser user, CareTeamRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CareCircleMember member = new CareCircleMember();
            member.id = UUID.randomUUID();
            member.clientId = UUID.fromString(clientId);
            member.userId = user.userId();
            member.role = role;
            member.organisationId = user.organisationId();
            member.displayName = user.name();
            member.joinedOn = LocalDate.now();
            member.addedBy = "test";
            member.persist();
            return member.id;
        });
    }

    public static void endMembership(UUID memberId) {
        QuarkusTransaction.requiringNew().run(() -> CareCircleMember.<CareCircleMember>findById(memberId).leftOn = LocalDate.now());
    }

    /** Names the firm on the client's case, which gives its solicitors a relationship to the client. */
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

    public static List<AuditEntry> audit(String clientId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.<AuditEntry>list("clientId = ?1 order by id", UUID.fromString(clientId)));
    }

    public static long consentRecords(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("clientId", UUID.fromString(clientId)));
    }

    /** Events of the given type waiting in or published from the outbox for the client. */
    public static long outboxEvents(String clientId, String eventType) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where message_key = ?1 and event_type = ?2")
                .setParameter(1, clientId).setParameter(2, eventType).getSingleResult()).longValue());
    }
}
