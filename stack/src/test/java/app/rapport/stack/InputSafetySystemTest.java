package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static app.rapport.stack.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What callers put in requests cannot reach further than the API allows. Fields the server owns
 * (ids, owners, audit fields, versions, scores) sent in a body are refused by name and change
 * nothing. Hostile text (SQL, markup, odd Unicode, control characters, very long values) in every kind
 * of free-text field is either stored and returned exactly, as JSON, or refused with a 400 naming
 * the field; never a 500. Hostile query, path and header values are refused cleanly too.
 */
@ExtendWith(SystemPlatform.class)
@Order(21)
class InputSafetySystemTest {

    static final String SQL = "Robert'); DROP TABLE client; --";
    static final String MARKUP = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>";
    static final String UNICODE = "Zoë Ñandú 😀 \u202Eevil\u202C \"quoted\" back\\slash";
    static final String CONTROL = "bell\u0007 nul\u0000 escape\u001B";
    static final String LINES = "first line\nsecond line\r\nthird\tcolumn";

    private static SweepTarget target;
    private static ClientFile client;
    private static int tried;
    private static final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void clientForHostileText() throws Exception {
        target = SweepTarget.shared();
        client = target.org.register(target.org.caseManager, "Hostile", "Textclient");
        target.org.addToCircle(client, target.org.caseManager, "therapist", target.org.therapist);
        target.org.awaitKnownEverywhere(client, target.org.therapist);
    }

    @BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    @AfterAll
    static void report() {
        System.out.printf("[input-safety] %d requests with server-owned fields or hostile values%n", tried);
    }

    @Test
    void fieldsTheServerOwnsAreRefusedByNameAndChangeNothing() {
        Map<String, Object> before = snapshot();
        TestOrganisation org = target.org;
        String c = target.client.path();
        String chosenId = UUID.randomUUID().toString();
        Map<String, Object> newClient = object("givenName", "Mass", "familyName", "Assignment");

        refusedByName(org.caseManager, "POST", "/api/v1/clients", with(newClient, "id", chosenId), "id");
        refusedByName(org.caseManager, "POST", "/api/v1/clients", with(newClient, "organisationId", "org-elsewhere"), "organisationId");
        refusedByName(org.caseManager, "POST", "/api/v1/clients", with(newClient, "registeredBy", org.otherCaseManager.userId()), "registeredBy");
        refusedByName(org.caseManager, "POST", "/api/v1/clients", with(newClient, "reference", "C-CHOSEN"), "reference");
        refusedByName(org.caseManager, "POST", "/api/v1/clients", with(newClient, "status", "discharged"), "status");
        Map<String, Object> profile = object("givenName", target.client.givenName(), "familyName", target.client.familyName());
        refusedByName(org.caseManager, "PUT", c, with(profile, "version", 99), "version");
        refusedByName(org.caseManager, "PUT", c, with(profile, "createdAt", "2020-01-01T00:00:00Z"), "createdAt");
        refusedByName(org.caseManager, "POST", c + "/care-circle", object("role", "therapist", "userId",
                org.otherTherapist.userId(), "clientId", UUID.randomUUID().toString()), "clientId");
        refusedByName(org.caseManager, "POST", c + "/consent", object("category", "goals", "recipientRole", "solicitor",
                "decision", "granted", "recordedBy", org.otherCaseManager.userId()), "recordedBy");
        refusedByName(org.solicitor, "POST", c + "/case/milestones", object("kind", "other", "occurredOn", target.today(),
                "recordedBy", org.caseManager.userId()), "recordedBy");
        refusedByName(org.caseManager, "POST", c + "/goals", object("statement", "Swim", "agreedBy",
                List.of(org.therapist.userId()), "status", "achieved"), "status");
        refusedByName(org.caseManager, "PATCH", c + "/goals/" + target.ids.get("goalId"), object("statement", "Other words"),
                "statement");
        refusedByName(org.admin, "PUT", "/api/v1/organisations/" + org.id + "/professionals", object("userId", "someone",
                "displayName", "Some One", "role", "therapist", "teamIds", List.of(org.teamA), "organisationId", "org-elsewhere"),
                "organisationId");
        refusedByName(org.caseManager, "POST", "/api/v1/sessions", with(target.session(50, 9), "status", "attended"), "status");
        refusedByName(org.caseManager, "POST", "/api/v1/sessions", with(target.session(50, 9), "id", chosenId), "id");
        String alliance = "/api/v1/alliance/clients/" + target.client.id();
        refusedByName(org.therapist, "POST", alliance + "/responses", object("measureId", "rapport-session-alliance-check",
                "answers", Map.of("bond", 1, "goals", 1, "approach", 1, "overall", 1), "total", 40), "total");
        refusedByName(org.therapist, "POST", alliance + "/responses", object("measureId", "rapport-session-alliance-check",
                "answers", Map.of("bond", 1, "goals", 1, "approach", 1, "overall", 1), "recordedBy", "feedback-link"), "recordedBy");
        refusedByName(org.therapist, "POST", alliance + "/episodes/" + target.ids.get("episodeId") + "/repairs",
                object("strategy", "other", "recordedBy", org.caseManager.userId()), "recordedBy");
        String link = "/api/v1/feedback/" + Api.as(org.therapist).post(alliance + "/feedback-links", object()).expect(201)
                .json().path("token").asText();
        refusedByName(null, "POST", link, object("answers", Map.of("bond", 1, "goals", 1, "approach", 1, "overall", 1),
                "professionalId", org.otherTherapist.userId()), "professionalId");
        refusedByName(org.firmSystem, "POST", "/api/v1/notifications/webhooks", object("url", target.receiver.url(),
                "eventTypes", List.of("rapport.session.missed.v1"), "organisationId", org.id), "organisationId");
        refusedByName(org.firmSystem, "POST", "/api/v1/notifications/webhooks", object("url", target.receiver.url(),
                "eventTypes", List.of("rapport.session.missed.v1"), "secret", "whsec_Y2hvc2VuIGJ5IHRoZSBjYWxsZXI="), "secret");
        refusedByName(org.caseManager, "PUT", "/api/v1/notifications/preferences", object("userId", org.therapist.userId()),
                "userId");

        Api.as(org.caseManager).get("/api/v1/clients/" + chosenId).expect(404);
        assertEquals(0, Api.as(org.caseManager).get("/api/v1/clients?name=C-CHOSEN").expect(200).json().path("total").asInt());
        // The refused link is still unused: nothing was recorded through it.
        Api.anonymous().get(link).expect(200);
        assertEquals(before, snapshot(), "nothing changed");
        assertEquals(List.of(), failures);
    }

    @Test
    void hostileTextIsStoredVerbatimOrRefusedByName() {
        TestOrganisation org = target.org;
        String c = client.path();
        // Single-line profile field: printable text kept exactly; control characters, line breaks, over-length refused.
        for (String value : List.of(SQL, MARKUP, UNICODE)) {
            storedVerbatim(org.caseManager, "PUT", c, profile("familyName", value), c, json -> json.path("familyName"), value);
        }
        for (String value : List.of(CONTROL, LINES, "a".repeat(101))) {
            refusedByName(org.caseManager, "PUT", c, profile("familyName", value), "familyName");
        }
        // The client's own words: line breaks and tabs kept; other control characters and over-length refused.
        for (String value : List.of(SQL, MARKUP, UNICODE, LINES)) {
            storedVerbatim(org.caseManager, "PUT", c, profile("culturalContext", value), c,
                    json -> json.path("culturalContext"), value);
        }
        refusedByName(org.caseManager, "PUT", c, profile("culturalContext", CONTROL), "culturalContext");
        refusedByName(org.caseManager, "PUT", c, profile("culturalContext", "a".repeat(4001)), "culturalContext");

        for (String value : List.of(SQL, MARKUP, UNICODE, LINES)) {
            storedVerbatim(org.caseManager, "POST", c + "/goals", object("statement", value, "agreedBy",
                    List.of(org.therapist.userId())), c + "/goals/{id}", json -> json.path("statement"), value);
        }
        refusedByName(org.caseManager, "POST", c + "/goals", object("statement", CONTROL, "agreedBy",
                List.of(org.therapist.userId())), "statement");

        // Session location and confidential notes.
        int day = 60;
        for (String value : List.of(SQL, MARKUP, UNICODE, CONTROL)) {
            Map<String, Object> booking = sessionFor(day++);
            booking.put("location", value);
            storedOrRefused(org.caseManager, "POST", "/api/v1/sessions", booking, "/api/v1/sessions/{id}",
                    json -> json.path("location"), value, "location");
        }
        String session = Api.as(org.caseManager).post("/api/v1/sessions", sessionFor(day)).expect(201).json().path("id").asText();
        for (String value : List.of(SQL, MARKUP, UNICODE, LINES, CONTROL)) {
            storedOrRefused(org.therapist, "POST", "/api/v1/sessions/" + session + "/notes", object("text", value), null,
                    json -> json.path("text"), value, "text");
        }
        refusedByName(org.therapist, "POST", "/api/v1/sessions/" + session + "/notes", object("text", "a".repeat(20_001)), "text");

        // A repair's note (alliance-service).
        String alliance = "/api/v1/alliance/clients/" + client.id();
        String episode = Api.as(org.therapist).post(alliance + "/markers", object("kind", "confrontation")).expect(201)
                .json().path("episodeId").asText();
        Api.as(org.therapist).post(alliance + "/episodes/" + episode + "/acknowledge", null).expect(200);
        storedOrRefused(org.therapist, "POST", alliance + "/episodes/" + episode + "/repairs",
                object("strategy", "other", "note", CONTROL), null, json -> json.path("repairs").path(0).path("note"), CONTROL, "note");
        storedOrRefused(org.therapist, "POST", alliance + "/episodes/" + episode + "/repairs",
                object("strategy", "other", "note", SQL + MARKUP + UNICODE + LINES), null,
                json -> json.path("repairs").path(json.path("repairs").size() - 1).path("note"), SQL + MARKUP + UNICODE + LINES, "note");
        assertEquals(List.of(), failures);
    }

    @Test
    void hostileQueryPathAndHeaderValuesAreRefusedCleanly() {
        Api caseManager = Api.as(target.org.caseManager);
        for (String value : List.of(SQL, "' OR '1'='1", "%", "_", MARKUP)) {
            Api.Reply search = answered(caseManager.get("/api/v1/clients?name=" + encode(value)));
            if (search.status() != 200 || search.json().path("total").asInt() != 0) {
                failures.add("a name search for " + value + " found " + search.body());
            }
        }
        for (String path : List.of("/api/v1/clients/" + encode(SQL), "/api/v1/sessions/" + encode(MARKUP),
                "/api/v1/alliance/clients/" + encode("../../etc/passwd") + "/episodes",
                "/api/v1/notifications/webhooks/" + encode("1; DROP TABLE webhook_subscription"))) {
            Api.Reply reply = answered(path.startsWith("/api/v1/notifications") ? Api.as(target.org.firmSystem).get(path)
                    : caseManager.get(path));
            if (reply.status() != 404 && reply.status() != 400) {
                failures.add(path + " -> " + reply.status() + ": " + reply.body());
            }
        }
        for (String path : List.of("/api/v1/clients?name=" + encode(CONTROL), "/api/v1/sessions/busy/" + encode(CONTROL))) {
            Api.Reply reply = answered(caseManager.get(path));
            if (reply.status() != 400 || !reply.contentType().startsWith("application/problem+json")) {
                failures.add(path + " -> " + reply.status() + ": " + reply.body());
            }
        }
        for (String query : List.of("from=" + encode(MARKUP), "from=" + encode(SQL) + "&to=tomorrow", "from=9999999999-01-01T00:00:00Z")) {
            Api.Reply reply = answered(caseManager.get("/api/v1/sessions/diary?" + query));
            if (reply.status() != 400) {
                failures.add("diary?" + query + " -> " + reply.status() + ": " + reply.body());
            }
        }
        Api.Reply stale = answered(caseManager.send("PUT", client.path(), profile("familyName", "Textclient"),
                Map.of("If-Match", SQL)));
        if (stale.status() != 400) {
            failures.add("If-Match: " + SQL + " -> " + stale.status() + ": " + stale.body());
        }
        assertEquals(List.of(), failures);
    }

    /** The current profile with one field replaced (PUT replaces the whole profile). */
    private static Map<String, Object> profile(String field, String value) {
        Map<String, Object> body = object("givenName", "Hostile", "familyName", "Textclient");
        body.put(field, value);
        return body;
    }

    private Map<String, Object> sessionFor(int daysAhead) {
        Map<String, Object> booking = new LinkedHashMap<>(target.session(daysAhead, 8));
        booking.put("clientId", client.id());
        return booking;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** 400 problem+json whose errors name the field. */
    private static void refusedByName(DemoUser user, String method, String path, Object body, String field) {
        Api.Reply reply = answered((user == null ? Api.anonymous() : Api.as(user)).send(method, path, body, Map.of()));
        if (reply.status() != 400 || !reply.contentType().startsWith("application/problem+json")
                || !reply.json().path("errors").toString().contains("\"field\":\"" + field + "\"")) {
            failures.add(method + " " + path + " with " + field + " -> " + reply.status() + ": " + abbreviate(reply.body()));
        }
    }

    /** Either 400 naming the field, or stored: the answer and a fresh read return the value exactly. */
    private static void storedOrRefused(DemoUser user, String method, String path, Object body, String readPath,
                                        Function<JsonNode, JsonNode> field, String value, String fieldName) {
        Api.Reply reply = answered(Api.as(user).send(method, path, body, Map.of()));
        if (reply.status() == 400) {
            if (!reply.json().path("errors").toString().contains("\"field\":\"" + fieldName + "\"")) {
                failures.add(method + " " + path + " refused without naming " + fieldName + ": " + abbreviate(reply.body()));
            }
            return;
        }
        verbatim(user, method + " " + path, reply, readPath, field, value);
    }

    private static void storedVerbatim(DemoUser user, String method, String path, Object body, String readPath,
                                       Function<JsonNode, JsonNode> field, String value) {
        Api.Reply reply = answered(Api.as(user).send(method, path, body, Map.of()));
        verbatim(user, method + " " + path, reply, readPath, field, value);
    }

    private static void verbatim(DemoUser user, String request, Api.Reply reply, String readPath,
                                 Function<JsonNode, JsonNode> field, String value) {
        if (reply.status() / 100 != 2 || !reply.contentType().startsWith("application/json")
                || !value.equals(field.apply(reply.json()).asText())) {
            failures.add(request + " did not keep " + abbreviate(value) + ": " + reply.status() + " " + abbreviate(reply.body()));
            return;
        }
        if (readPath != null) {
            Api.Reply read = answered(Api.as(user).get(readPath.replace("{id}", reply.json().path("id").asText())));
            if (!read.contentType().startsWith("application/json") || !value.equals(field.apply(read.json()).asText())) {
                failures.add("reading " + readPath + " back did not return " + abbreviate(value) + ": " + abbreviate(read.body()));
            }
        }
    }

    /** Every answer counts, and none may be a server error. */
    private static Api.Reply answered(Api.Reply reply) {
        tried++;
        if (reply.status() >= 500) {
            failures.add(reply.request() + " -> " + reply.status() + ": " + abbreviate(reply.body()));
        }
        return reply;
    }

    /** A few counts that any of the refused requests would have changed. */
    private static Map<String, Object> snapshot() {
        TestOrganisation org = target.org;
        String c = target.client.path();
        Api caseManager = Api.as(org.caseManager);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("profile version", caseManager.get(c).expect(200).header("ETag"));
        state.put("clients", caseManager.get("/api/v1/clients?size=200").expect(200).json().path("total").asInt());
        state.put("care circle", caseManager.get(c + "/care-circle").expect(200).json().size());
        state.put("consent decisions", caseManager.get(c + "/consent").expect(200).json().path("history").size());
        state.put("milestones", caseManager.get(c + "/case/milestones").expect(200).json().size());
        state.put("goals", caseManager.get(c + "/goals").expect(200).json().toString());
        state.put("sessions", caseManager.get("/api/v1/sessions/clients/" + target.client.id()).expect(200).json().size());
        state.put("episodes", caseManager.get("/api/v1/alliance/clients/" + target.client.id() + "/episodes").expect(200)
                .json().toString());
        state.put("directory", Api.as(org.admin).get("/api/v1/organisations/" + org.id + "/professionals").expect(200).json().size());
        state.put("subscriptions", Api.as(org.firmSystem).get("/api/v1/notifications/webhooks").expect(200).json().toString());
        state.put("preferences", caseManager.get("/api/v1/notifications/preferences").expect(200).json().toString());
        return state;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
