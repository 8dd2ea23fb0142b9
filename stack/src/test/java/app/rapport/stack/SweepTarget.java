package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.stack.Api.object;
import static app.rapport.stack.TestOrganisation.await;

/**
 * One client with something of every kind the API serves — care circle, case, goal, milestone,
 * sessions, contract, rupture episode, response, notifications, a webhook subscription with a
 * delivery, a calendar feed and a feedback link — so that every operation of every service can be
 * called on real ids. {@link #ids()} maps each path parameter to its value.
 */
final class SweepTarget {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final TestOrganisation org;
    final ClientFile client;
    final DemoUser otherTeamLead;
    final DemoUser otherSupportWorker;
    final Map<String, String> ids = new LinkedHashMap<>();
    final String calendarToken;
    final String feedbackToken;
    final WebhookReceiver receiver;

    private static SweepTarget shared;

    /** One target for every test class that sweeps the API (it takes a while to build). */
    static synchronized SweepTarget shared() throws Exception {
        if (shared == null) {
            shared = new SweepTarget();
        }
        return shared;
    }

    private SweepTarget() throws Exception {
        org = TestOrganisation.create("sweep");
        otherTeamLead = org.colleague("otherlead", "team-lead", org.teamB);
        otherSupportWorker = org.colleague("othersupport", "support-worker", org.teamA);
        String unique = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        client = org.register(org.caseManager, "Sweepgiven" + unique, "Sweepfamily" + unique);
        ids.put("clientId", client.id());
        ids.put("organisationId", org.id);
        ids.put("teamId", org.teamA);
        Api caseManager = Api.as(org.caseManager);

        org.addToCircle(client, org.caseManager, "therapist", org.therapist);
        ids.put("memberId", org.addToCircle(client, org.caseManager, "support-worker", org.supportWorker));
        org.openClaim(client, org.caseManager);
        org.consent(client, org.caseManager, "schedule", "solicitor", "granted");
        org.addToCircle(client, org.caseManager, "solicitor", org.solicitor);
        org.awaitKnownEverywhere(client, org.therapist);

        ids.put("goalId", caseManager.post(client.path() + "/goals", object("statement", "Walk to the shops again",
                "agreedBy", List.of(org.therapist.userId()))).expect(201).json().path("id").asText());
        ids.put("milestoneId", Api.as(org.solicitor).post(client.path() + "/case/milestones",
                object("kind", "interim-payment", "occurredOn", LocalDate.now(LONDON).toString())).expect(201)
                .json().path("id").asText());

        receiver = new WebhookReceiver();
        JsonNode subscription = Api.as(org.firmSystem).post("/api/v1/notifications/webhooks", object("url", receiver.url(),
                "eventTypes", List.of("rapport.session.attended.v1"))).expect(201).json();
        ids.put("id", subscription.path("id").asText());
        receiver.secret(subscription.path("secret").asText());

        JsonNode series = caseManager.post("/api/v1/sessions/series", object("first", session(-14, 10), "rrule",
                "FREQ=WEEKLY;COUNT=4")).expect(201).json();
        ids.put("seriesId", series.path("id").asText());
        ids.put("sessionId", series.path("sessions").get(0).path("id").asText());
        String firstSession = "/api/v1/sessions/" + ids.get("sessionId");
        Api.as(org.therapist).post(firstSession + "/attendance", object("minutesLate", 0)).expect(200);
        Api.as(org.therapist).post(firstSession + "/notes", object("text", "Went well")).expect(201);
        ids.put("contractId", caseManager.post("/api/v1/sessions/contracts", object("clientId", client.id(),
                "professionalId", org.therapist.userId(), "sessionsAgreed", 12)).expect(201).json().path("id").asText());
        ids.put("professionalId", org.therapist.userId());

        String alliance = "/api/v1/alliance/clients/" + client.id();
        ids.put("episodeId", Api.as(org.therapist).post(alliance + "/markers", object("kind", "withdrawal")).expect(201)
                .json().path("episodeId").asText());
        ids.put("responseId", Api.as(org.therapist).post(alliance + "/responses", object("measureId",
                "rapport-session-alliance-check", "answers", Map.of("bond", 8, "goals", 8, "approach", 8, "overall", 8)))
                .expect(201).json().path("id").asText());
        // A measure shipped without wording, so importing wording for it is a real operation.
        ids.put("measureId", "core-10");
        feedbackToken = Api.as(org.therapist).post(alliance + "/feedback-links", object()).expect(201).json()
                .path("token").asText();
        String feedUrl = Api.as(org.therapist).post("/api/v1/sessions/calendar-feed", null).expect(201).json()
                .path("url").asText();
        calendarToken = feedUrl.substring(feedUrl.lastIndexOf('/') + 1, feedUrl.length() - ".ics".length());
        ids.put("token", feedbackToken);

        await(() -> !TestOrganisation.inbox(org.therapist, client.id(), "rapport.careteam.member-joined.v1").isEmpty(),
                java.time.Duration.ofSeconds(60), "the therapist's first notification");
        ids.put("notificationId", TestOrganisation.inbox(org.therapist).get(0).path("id").asText());
        await(() -> deliveries().size() == 1, java.time.Duration.ofSeconds(60), "the attendance webhook delivery");
        ids.put("deliveryId", deliveries().get(0).path("id").asText());
    }

    private List<JsonNode> deliveries() {
        List<JsonNode> list = new java.util.ArrayList<>();
        Api.as(org.firmSystem).get("/api/v1/notifications/webhooks/" + ids.get("id") + "/deliveries").expect(200).json()
                .forEach(list::add);
        return list;
    }

    /** A booking of the therapist, {@code daysAhead} from today at the hour; unique times avoid double-booking. */
    Map<String, Object> session(int daysAhead, int hour) {
        LocalDateTime start = LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(hour);
        return object("clientId", client.id(), "professionalIds", List.of(org.therapist.userId()), "type", "therapy",
                "start", start.toString(), "end", start.plusMinutes(50).toString(), "timeZone", LONDON.getId());
    }

    /** Every value an outsider's answer must not reveal: names, the reference and every id of the client's data. */
    List<String> secrets() {
        List<String> secrets = new java.util.ArrayList<>(List.of(client.givenName(), client.familyName(), client.reference()));
        ids.forEach((name, value) -> {
            if (!List.of("organisationId", "teamId", "measureId", "professionalId", "token").contains(name)) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    String today() {
        return LocalDate.now(LONDON).toString();
    }
}
