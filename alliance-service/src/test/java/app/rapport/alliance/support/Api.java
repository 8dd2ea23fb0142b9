package app.rapport.alliance.support;

import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Calls to alliance-service as one of the demo users, and the set-up most tests start from. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** A team-north client with alice as case manager and theo as therapist, once alliance-service knows them. */
    public static UUID northClient() {
        return client(DemoUsers.ALICE, DemoUsers.THEO, null);
    }

    public static UUID client(DemoUser caseManager, DemoUser therapist, String language) {
        UUID clientId = Events.registered(caseManager, language);
        Events.joined(clientId, caseManager, CareTeamRole.CASE_MANAGER);
        Events.joined(clientId, therapist, CareTeamRole.THERAPIST);
        awaitVisible(therapist, clientId);
        awaitVisible(caseManager, clientId);
        return clientId;
    }

    public static void awaitVisible(DemoUser user, UUID clientId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(user).get("/api/v1/alliance/clients/" + clientId + "/episodes").statusCode() == 200);
    }

    /** Rapport's session alliance check, as the client's rating of the pair with {@code professional}. */
    public static ValidatableResponse allianceCheck(DemoUser recorder, UUID clientId, DemoUser professional, int bond,
                                                    int goals, int approach, int overall) {
        Map<String, Object> body = new HashMap<>();
        body.put("professionalId", professional.userId());
        body.put("measureId", "rapport-session-alliance-check");
        body.put("answers", Map.of("bond", bond, "goals", goals, "approach", approach, "overall", overall));
        return as(recorder).body(body).post("/api/v1/alliance/clients/" + clientId + "/responses").then();
    }

    /** A total of {@code total} on the alliance check (0–40), spread over the four items. */
    public static ValidatableResponse allianceTotal(UUID clientId, DemoUser professional, int total) {
        return allianceTotalAt(clientId, professional, total, null);
    }

    /** As {@link #allianceTotal}, filled in at {@code completedAt} (left out when null). */
    public static ValidatableResponse allianceTotalAt(UUID clientId, DemoUser professional, int total, Object completedAt) {
        int base = total / 4;
        int rest = total % 4;
        Map<String, Object> body = new HashMap<>();
        body.put("measureId", "rapport-session-alliance-check");
        body.put("answers", Map.of("bond", base + (rest > 0 ? 1 : 0), "goals", base + (rest > 1 ? 1 : 0),
                "approach", base + (rest > 2 ? 1 : 0), "overall", base));
        if (completedAt != null) {
            body.put("completedAt", completedAt.toString());
        }
        return as(professional).body(body).post("/api/v1/alliance/clients/" + clientId + "/responses").then();
    }

    public static ValidatableResponse reflection(DemoUser professional, UUID clientId, int each) {
        return as(professional).body(Map.of("measureId", "rapport-reflective-check-in", "answers",
                        Map.of("ease", each, "difficult-topics", each, "own-concerns", each, "working", each)))
                .post("/api/v1/alliance/clients/" + clientId + "/responses").then();
    }
}
