package app.rapport.stack;

import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.rapport.stack.Api.object;
import static app.rapport.stack.TestOrganisation.await;
import static app.rapport.stack.TestOrganisation.inbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client with data in every service: the subject-access export holds every service's part with the data each
 * holds, and the client's audit view holds every service's entries (session-service's note reads included),
 * newest first, each naming its service. Both follow the export's rule in every service.
 */
@ExtendWith(SystemPlatform.class)
class SubjectAccessSystemTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    /** Each service's part and the sections in it that this client's data must fill. */
    private static final Map<String, List<String>> FILLED = Map.of(
            "session-service", List.of("sessions", "notes", "contracts"),
            "alliance-service", List.of("responses", "feedbackLinks"),
            "notification-service", List.of("notifications"));

    private static TestOrganisation org;

    @BeforeAll
    static void organisation() {
        org = TestOrganisation.create("subject-access");
    }

    @Test
    void theExportAndTheAuditViewHoldEveryServicesPart() {
        String unique = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ClientFile client = org.register(org.caseManager, "Accessclient" + unique, "Wholerecord" + unique);
        org.addToCircle(client, org.caseManager, "therapist", org.therapist);
        org.awaitKnownEverywhere(client, org.therapist);
        org.awaitKnownEverywhere(client, org.caseManager);

        // session-service: an attended session with a confidential note, read by the case manager; a contract.
        LocalDateTime start = LocalDate.now(LONDON).minusDays(2).atTime(9, 0);
        String session = Api.as(org.caseManager).post("/api/v1/sessions", object("clientId", client.id(),
                "professionalIds", List.of(org.therapist.userId()), "type", "therapy", "start", start.toString(),
                "end", start.plusMinutes(50).toString())).expect(201).json().path("id").asText();
        Api.as(org.therapist).post("/api/v1/sessions/" + session + "/attendance", object("minutesLate", 0)).expect(200);
        Api.as(org.therapist).post("/api/v1/sessions/" + session + "/notes", object("text", "Note " + unique)).expect(201);
        Api.as(org.caseManager).get("/api/v1/sessions/" + session + "/notes").expect(200);
        Api.as(org.caseManager).post("/api/v1/sessions/contracts", object("clientId", client.id(),
                "professionalId", org.therapist.userId(), "sessionsAgreed", 8, "startsOn", start.toLocalDate().toString())).expect(201);
        // alliance-service: a feedback link answered by the client.
        String token = Api.as(org.therapist).post("/api/v1/alliance/clients/" + client.id() + "/feedback-links", object())
                .expect(201).json().path("token").asText();
        Api.anonymous().post("/api/v1/feedback/" + token, object("answers",
                Map.of("bond", 8, "goals", 8, "approach", 8, "overall", 8))).expect(201);
        // notification-service: what the case manager was told about the client.
        await(() -> inbox(org.therapist).stream().anyMatch(n -> n.path("clientId").asText().equals(client.id())), EVENTUALLY,
                "a notification about the client");

        JsonNode export = Api.as(org.caseManager).get(client.path() + "/export").expect(200).json();
        assertFalse(export.path("sections").path("profile").isMissingNode(), "client-service's own sections");
        assertEquals(FILLED.keySet(), fieldNames(export.path("services")));
        FILLED.forEach((service, sections) -> {
            JsonNode part = export.path("services").path(service);
            assertEquals(service, part.path("service").asText());
            assertEquals(client.id(), part.path("clientId").asText(), service);
            for (String section : sections) {
                assertTrue(part.path("sections").path(section).size() > 0, service + " " + section + ": " + part);
            }
            assertTrue(part.path("audit").toString().contains("subject-access-export"), service + " audits the export read");
        });
        assertTrue(export.toString().contains("Note " + unique), "the confidential note is the client's too");
        assertFalse(export.toString().contains(token), "no working feedback link in the export");

        JsonNode audit = Api.as(org.caseManager).get(client.path() + "/audit?size=200").expect(200).json();
        assertEquals(List.of("client-service", "session-service", "alliance-service", "notification-service"),
                texts(audit.path("services")));
        Set<String> recorders = new HashSet<>();
        List<Instant> times = new ArrayList<>();
        audit.path("items").forEach(item -> {
            recorders.add(item.path("service").asText());
            times.add(Instant.parse(item.path("at").asText()));
        });
        assertEquals(Set.of("client-service", "session-service", "alliance-service", "notification-service"), recorders,
                "every service's entries");
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, times, "newest first across services");
        assertTrue(audit.path("items").toString().contains("session-notes:" + session), "the note read is readable: " + audit);
        assertEquals(audit.path("total").asInt(), audit.path("items").size(), "one page holds all of them");

        // The same rule everywhere: the therapist is refused, a case manager outside the circle finds nothing.
        Api.as(org.therapist).get(client.path() + "/export").expect(403);
        Api.as(org.otherCaseManager).get(client.path() + "/export").expect(404);
        Api.as(org.therapist).get("/api/v1/sessions/clients/" + client.id() + "/subject-access").expect(403);
        Api.as(org.otherCaseManager).get("/api/v1/alliance/clients/" + client.id() + "/subject-access").expect(404);
        Api.as(org.teamLead).get("/api/v1/notifications/clients/" + client.id() + "/subject-access/audit").expect(200);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
