package app.rapport.stack;

import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static app.rapport.stack.Api.object;
import static app.rapport.stack.TestOrganisation.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sweep's classes that need real data to attack, on the running platform: references to another client's
 * session, or to none, on every alliance operation that takes a session id (refused alike, nothing written), and
 * webhook destinations that are not globally reachable or written in a form that hides the address (refused at
 * subscription, naming {@code url}).
 */
@ExtendWith(SystemPlatform.class)
class ReferenceSafetySystemTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private static TestOrganisation org;

    @BeforeAll
    static void organisation() {
        org = TestOrganisation.create("references");
    }

    @Test
    void aSessionOfAnotherClientOrOfNoneIsRefusedByEveryOperationThatTakesOne() {
        ClientFile mine = clientWithTherapist("Ownsession");
        ClientFile theirs = clientWithTherapist("Othersession");
        String ownSession = book(mine, 9);
        String otherSession = book(theirs, 11);

        Map<String, BiFunction<ClientFile, String, Api.Reply>> operations = Map.of(
                "record a response", (client, session) -> {
                    Map<String, Object> body = new HashMap<>(object("measureId", "rapport-session-alliance-check",
                            "answers", Map.of("bond", 8, "goals", 8, "approach", 8, "overall", 8)));
                    body.put("sessionId", session);
                    return Api.as(org.therapist).post("/api/v1/alliance/clients/" + client.id() + "/responses", body);
                },
                "create a feedback link", (client, session) -> Api.as(org.therapist)
                        .post("/api/v1/alliance/clients/" + client.id() + "/feedback-links", object("sessionId", session)));

        // The client's own session is accepted once alliance-service has heard of it (from session events).
        await(() -> operations.get("create a feedback link").apply(mine, ownSession).status() == 201, EVENTUALLY,
                "alliance-service knows the client's own session");
        await(() -> operations.get("create a feedback link").apply(theirs, otherSession).status() == 201, EVENTUALLY,
                "alliance-service knows the other client's session");

        List<String> failures = new ArrayList<>();
        operations.forEach((operation, call) -> {
            Api.Reply foreign = call.apply(mine, otherSession);
            Api.Reply unknown = call.apply(mine, UUID.randomUUID().toString());
            for (Api.Reply reply : List.of(foreign, unknown)) {
                if (reply.status() != 422 || !reply.contentType().startsWith("application/problem+json")
                        || !List.of("sessionId").equals(fields(reply.json()))) {
                    failures.add(operation + ": " + reply.status() + " " + reply.body());
                }
            }
            // Another client's session must look exactly like one that does not exist.
            if (!foreign.json().path("type").equals(unknown.json().path("type"))) {
                failures.add(operation + ": another client's session is told apart from a missing one");
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void webhookDestinationsThatAreNotGloballyReachableAreRefusedNamingTheUrl() {
        List<String> refused = List.of(
                "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.0.10/hook",
                "https://169.254.169.254/latest", "https://100.64.0.1/", "https://198.18.0.1/", "https://240.0.0.1/",
                "https://192.0.2.10/", "https://0.0.0.0/", "https://[fd00::1]/hook", "https://[fe80::1]/",
                "https://[64:ff9b::a9fe:a9fe]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:8.8.8.8]/",
                "https://[2002:a00:1::1]/", "https://[2001:db8::1]/", "https://0x7f.1/", "https://2130706433/",
                "https://127.1/", "https://hooks.firm.example./hook", "https://user:pw@93.184.215.14/hook",
                "ftp://93.184.215.14/hook", "https://hooks.rapport.invalid/hook");
        List<String> failures = new ArrayList<>();
        for (String url : refused) {
            Api.Reply reply = Api.as(org.firmSystem).post("/api/v1/notifications/webhooks",
                    object("url", url, "eventTypes", List.of("rapport.session.attended.v1")));
            if (reply.status() != 400 || !List.of("url").equals(fields(reply.json())) || reply.body().contains("Exception")) {
                failures.add(url + " -> " + reply.status() + " " + reply.body());
            }
        }
        assertEquals(List.of(), failures);
    }

    private static ClientFile clientWithTherapist(String familyName) {
        String unique = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ClientFile client = org.register(org.caseManager, "Reference" + unique, familyName + unique);
        org.addToCircle(client, org.caseManager, "therapist", org.therapist);
        org.awaitKnownEverywhere(client, org.therapist);
        return client;
    }

    /** Yesterday's session with the therapist at the given hour (distinct hours: the therapist cannot be double-booked). */
    private static String book(ClientFile client, int hour) {
        LocalDateTime start = LocalDate.now(LONDON).minusDays(1).atTime(hour, 0);
        return Api.as(org.caseManager).post("/api/v1/sessions", object("clientId", client.id(),
                "professionalIds", List.of(org.therapist.userId()), "type", "therapy", "start", start.toString(),
                "end", start.plusMinutes(20).toString())).expect(201).json().path("id").asText();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(error -> names.add(error.path("field").asText()));
        return names;
    }
}
