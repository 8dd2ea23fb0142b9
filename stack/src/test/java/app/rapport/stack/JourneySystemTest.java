package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static app.rapport.stack.Api.object;
import static app.rapport.stack.TestOrganisation.await;
import static app.rapport.stack.TestOrganisation.inbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's whole journey across the four services, as separate processes on real PostgreSQL and
 * Kafka: registration with a care circle and consent choices, a weekly series, attendance, a missed
 * session and a short-notice cancellation by the professional, feedback through one-time links, a
 * drop in the client's rating that opens a rupture episode (to the case manager live and by email,
 * and to the therapist; never to the solicitor), a repair that resolves it, the solicitor's system
 * hearing of attendance by signed webhook only while the client consents, and finally erasure once
 * the claim has settled, after which the client is gone from every service.
 */
@ExtendWith(SystemPlatform.class)
@Order(10)
class JourneySystemTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String RUPTURE = "rapport.alliance.rupture-detected.v1";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static TestOrganisation org;
    private static WebhookReceiver firmEndpoint;

    @BeforeAll
    static void organisation() throws Exception {
        org = TestOrganisation.create("journey");
        firmEndpoint = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        if (firmEndpoint != null) {
            firmEndpoint.close();
        }
    }

    @Test
    void fromRegistrationToErasure() throws Exception {
        subscribeTheFirmsSystem();
        wantRuptureAlertsByEmail(org.caseManager);
        wantRuptureAlertsByEmail(org.therapist);

        String unique = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ClientFile client = registerWithCircleAndConsent("Journeyclient" + unique, "Quillfeather" + unique);
        List<JsonNode> weekly = bookWeeklySeries(client);

        // Attendance, a missed session and the therapist cancelling at short notice.
        Api therapist = Api.as(org.therapist);
        therapist.post(sessionPath(weekly, 0) + "/attendance", object("minutesLate", 0)).expect(200);
        therapist.post(sessionPath(weekly, 1) + "/missed", null).expect(200);
        JsonNode cancelled = therapist.post(sessionPath(weekly, 3) + "/cancellation",
                object("by", "professional", "reason", "practitioner-unwell")).expect(200).json();
        assertTrue(cancelled.path("hoursNotice").asDouble() < 48, "short notice: " + cancelled);

        // The firm's system hears of all three, signed; nothing about the alliance.
        await(() -> webhooksFor(client).size() >= 3, EVENTUALLY, "three session webhooks");
        assertEquals(Set.of("rapport.session.attended.v1", "rapport.session.missed.v1", "rapport.session.cancelled.v1"),
                webhooksFor(client).stream().map(WebhookReceiver.Delivery::type).collect(Collectors.toSet()));
        assertTrue(webhooksFor(client).stream().allMatch(WebhookReceiver.Delivery::signatureValid),
                "every delivery verifies against the subscription's secret");

        // The missed session and the short-notice cancellation open one episode for the pair.
        JsonNode withdrawal = awaitEpisode(client, e -> signals(e).containsAll(
                Set.of("did-not-attend", "professional-short-notice-cancellation")), "the withdrawal episode");
        assertEquals("detected", withdrawal.path("state").asText());

        // A good rating through a one-time link: the client is back near their usual level.
        submitFeedback(client, Map.of("bond", 9, "goals", 9, "approach", 9, "overall", 9));
        awaitEpisode(client, e -> e.path("id").equals(withdrawal.path("id")) && state(e).equals("resolved"),
                "the withdrawal episode to resolve");

        // A drop: the case manager sees it live and by email, the therapist too, the solicitor never.
        JsonNode drop;
        try (InboxStream live = InboxStream.open(org.caseManager)) {
            submitFeedback(client, Map.of("bond", 4, "goals", 4, "approach", 4, "overall", 4));
            drop = awaitEpisode(client, e -> state(e).equals("detected") && signals(e).contains("drop-from-previous"),
                    "an episode opened by the drop");
            assertTrue(signals(drop).contains("below-cut-off"), "16 of 40 is below the cut-off: " + drop);
            JsonNode alert = live.await(n -> n.path("eventType").asText().equals(RUPTURE)
                    && n.path("clientId").asText().equals(client.id()), EVENTUALLY, "the rupture alert");
            assertTrue(alert.path("title").asText().contains(client.reference()), alert.toString());
        }
        await(() -> ruptureEmails(org.caseManager, client).size() == 2, EVENTUALLY,
                "the case manager's two rupture emails (withdrawal, drop)");
        await(() -> ruptureEmails(org.therapist, client).size() == 2, EVENTUALLY, "the therapist's two rupture emails");
        assertEquals(2, inbox(org.therapist, client.id(), RUPTURE).size(), "the therapist concerned is told of each");
        assertEquals(2, inbox(org.caseManager, client.id(), RUPTURE).size(), "once per episode, no duplicates");

        // The therapist acknowledges and records a repair; the next rating resolves the episode.
        String episode = "/api/v1/alliance/clients/" + client.id() + "/episodes/" + drop.path("id").asText();
        therapist.post(episode + "/acknowledge", null).expect(200);
        therapist.post(episode + "/repairs", object("strategy", "explore-together",
                "note", "Talked through what felt rushed last time")).expect(201);
        submitFeedback(client, Map.of("bond", 8, "goals", 9, "approach", 8, "overall", 9));
        JsonNode repaired = awaitEpisode(client, e -> e.path("id").equals(drop.path("id")) && state(e).equals("resolved"),
                "the repaired episode to resolve");
        assertTrue(repaired.path("repaired").asBoolean(), repaired.toString());
        await(() -> inbox(org.caseManager, client.id(), "rapport.alliance.rupture-resolved.v1").size() == 2, EVENTUALLY,
                "the case manager to hear of both resolutions");

        consentWithdrawalStopsWebhooks(client, weekly);
        neverToTheSolicitor(client);
        erasureAfterSettlement(client, weekly);
    }

    private static String subscription;

    private void subscribeTheFirmsSystem() {
        Api firm = Api.as(org.firmSystem);
        // Alliance data never goes to a firm: it cannot even subscribe to it.
        firm.post("/api/v1/notifications/webhooks", object("url", firmEndpoint.url(),
                "eventTypes", List.of("rapport.session.attended.v1", RUPTURE))).expect(400);
        JsonNode created = firm.post("/api/v1/notifications/webhooks", object("url", firmEndpoint.url(),
                "eventTypes", List.of("rapport.session.attended.v1", "rapport.session.missed.v1",
                        "rapport.session.cancelled.v1", "rapport.session.rescheduled.v1"))).expect(201).json();
        firmEndpoint.secret(created.path("secret").asText());
        subscription = "/api/v1/notifications/webhooks/" + created.path("id").asText();
    }

    private static void wantRuptureAlertsByEmail(DemoUser user) {
        Api.as(user).put("/api/v1/notifications/preferences", object("groups",
                object("alliance", object("channels", List.of("in-app", "email"), "delivery", "immediate")))).expect(200);
    }

    /** Registration, care circle, the open claim and the client's consent choices; the solicitor joins last. */
    private static ClientFile registerWithCircleAndConsent(String givenName, String familyName) {
        ClientFile client = org.register(org.caseManager, givenName, familyName);
        org.addToCircle(client, org.caseManager, "therapist", org.therapist);
        org.addToCircle(client, org.caseManager, "support-worker", org.supportWorker);
        Api.as(org.caseManager).post(client.path() + "/care-circle", object("role", "family",
                "displayName", familyMember(client), "relationship", "sister", "phone", "07700 900123")).expect(201);
        org.openClaim(client, org.caseManager);
        org.consent(client, org.caseManager, "schedule", "solicitor", "granted");
        org.consent(client, org.caseManager, "goals", "support-worker", "withdrawn");
        org.addToCircle(client, org.caseManager, "solicitor", org.solicitor);
        // Events of one client keep their order: once the solicitor hears of joining, the consent is known too.
        await(() -> !inbox(org.solicitor, client.id(), "rapport.careteam.member-joined.v1").isEmpty(), EVENTUALLY,
                "notification-service to learn the care circle");
        org.awaitKnownEverywhere(client, org.therapist);
        JsonNode consent = Api.as(org.caseManager).get(client.path() + "/consent").expect(200).json();
        assertEquals(2, consent.path("history").size(), consent.toString());
        return client;
    }

    /** Six weekly sessions with the therapist: three behind, one tomorrow, two ahead. */
    private static List<JsonNode> bookWeeklySeries(ClientFile client) {
        LocalDateTime first = ZonedDateTime.now(LONDON).truncatedTo(ChronoUnit.HOURS).plusHours(26).minusWeeks(3)
                .toLocalDateTime();
        JsonNode series = Api.as(org.caseManager).post("/api/v1/sessions/series", object(
                "first", object("clientId", client.id(), "professionalIds", List.of(org.therapist.userId()),
                        "type", "therapy", "start", first.toString(), "end", first.plusMinutes(50).toString(),
                        "timeZone", LONDON.getId()),
                "rrule", "FREQ=WEEKLY;COUNT=6")).expect(201).json();
        List<JsonNode> sessions = new ArrayList<>();
        series.path("sessions").forEach(sessions::add);
        assertEquals(6, sessions.size());
        for (int week = 0; week < sessions.size(); week++) {
            assertEquals(first.plusWeeks(week).toString(), sessions.get(week).path("localStart").asText().substring(0, 16),
                    "weekly at the same local time");
        }
        return sessions;
    }

    private static String familyMember(ClientFile client) {
        return "Kinsfolk " + client.familyName();
    }

    private static String sessionPath(List<JsonNode> sessions, int index) {
        return "/api/v1/sessions/" + sessions.get(index).path("id").asText();
    }

    /** A one-time link opened and answered without an account; a second answer on the same link is refused. */
    private static void submitFeedback(ClientFile client, Map<String, Integer> answers) {
        String token = Api.as(org.therapist).post("/api/v1/alliance/clients/" + client.id() + "/feedback-links", object())
                .expect(201).json().path("token").asText();
        JsonNode form = Api.anonymous().get("/api/v1/feedback/" + token).expect(200).json();
        assertEquals(4, form.path("items").size(), form.toString());
        assertTrue(!form.toString().contains(client.familyName()), "the form shows nothing about the client");
        Api.anonymous().post("/api/v1/feedback/" + token, object("answers", answers)).expect(201);
        Api.anonymous().post("/api/v1/feedback/" + token, object("answers", answers)).expect(410);
    }

    private static JsonNode awaitEpisode(ClientFile client, java.util.function.Predicate<JsonNode> condition, String what) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            for (JsonNode episode : Api.as(org.caseManager).get("/api/v1/alliance/clients/" + client.id() + "/episodes")
                    .expect(200).json()) {
                if (condition.test(episode)) {
                    found[0] = episode;
                    return true;
                }
            }
            return false;
        }, EVENTUALLY, what);
        return found[0];
    }

    private static Set<String> signals(JsonNode episode) {
        return StreamSupport.stream(episode.path("signals").spliterator(), false)
                .map(s -> s.path("kind").asText()).collect(Collectors.toSet());
    }

    private static String state(JsonNode episode) {
        return episode.path("state").asText();
    }

    private static List<WebhookReceiver.Delivery> webhooksFor(ClientFile client) {
        return firmEndpoint.received().stream().filter(d -> d.clientId().equals(client.id())).toList();
    }

    private static List<MimeMessage> ruptureEmails(DemoUser user, ClientFile client) {
        return Arrays.stream(SystemPlatform.smtp().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(user.email()))
                        && message.getSubject().contains("Possible rupture with client " + client.reference());
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** After the client withdraws schedule consent for solicitors, attendance no longer reaches the firm. */
    private static void consentWithdrawalStopsWebhooks(ClientFile client, List<JsonNode> weekly) {
        org.consent(client, org.teamLead, "schedule", "solicitor", "withdrawn");
        await(() -> !inbox(org.caseManager, client.id(), "rapport.consent.withdrawn.v1").isEmpty(), EVENTUALLY,
                "notification-service to learn of the withdrawal");
        Api.as(org.therapist).post(sessionPath(weekly, 2) + "/attendance", object("minutesLate", 5)).expect(200);
        // The case manager hears of it; once they have, the firm's webhook would have been routed too.
        await(() -> inbox(org.caseManager, client.id(), "rapport.session.attended.v1").size() == 2, EVENTUALLY,
                "the case manager to hear of the second attendance");
        // Routing writes a firm's deliveries in the same transaction as the inbox items: the log is complete now.
        JsonNode log = Api.as(org.firmSystem).get(subscription + "/deliveries").expect(200).json();
        assertEquals(3, log.size(), "no delivery routed after the withdrawal: " + log);
        TestOrganisation.sleep(Duration.ofSeconds(1));
        assertEquals(3, webhooksFor(client).size(), "nothing after the withdrawal: " + webhooksFor(client));
    }

    private static void neverToTheSolicitor(ClientFile client) {
        assertTrue(inbox(org.solicitor).stream().noneMatch(n -> n.path("eventType").asText().startsWith("rapport.alliance.")),
                "no alliance notification for the solicitor");
        assertTrue(firmEndpoint.received().stream().noneMatch(d -> d.type().startsWith("rapport.alliance.")),
                "no alliance webhook for the firm");
        assertEquals(webhooksFor(client).size(), webhooksFor(client).stream().map(WebhookReceiver.Delivery::messageId)
                .distinct().count(), "each webhook delivered once");
        assertEquals(2, ruptureEmails(org.caseManager, client).size(), "still one email per rupture, no late copies");
    }

    /** Refused under legal hold; after settlement, discharge and a zero retention period, erased everywhere. */
    private static void erasureAfterSettlement(ClientFile client, List<JsonNode> weekly) throws Exception {
        String today = LocalDate.now(LONDON).toString();
        Api caseManager = Api.as(org.caseManager);
        String unusedLink = Api.as(org.therapist).post("/api/v1/alliance/clients/" + client.id() + "/feedback-links", object())
                .expect(201).json().path("token").asText();
        JsonNode refused = caseManager.post(client.path() + "/erasure", object("reason", "Client's request")).expect(409).json();
        assertTrue(refused.path("type").asText().endsWith("legal-hold"), refused.toString());

        Api.as(org.firmSystem).post(client.path() + "/case/milestones", object("kind", "settlement", "occurredOn", today))
                .expect(201);
        caseManager.put(client.path() + "/consent/record-keeping", object("retention", "P0D", "agreedOn", today)).expect(200);
        caseManager.post(client.path() + "/discharge", object("ending", "planned")).expect(200);
        caseManager.post(client.path() + "/erasure", object("reason", "Client's request under Article 17")).expect(200);

        // 404 from every service, for everyone who knew the client.
        for (DemoUser member : List.of(org.caseManager, org.therapist)) {
            Api api = Api.as(member);
            await(() -> api.get("/api/v1/sessions/clients/" + client.id()).status() == 404
                            && api.get("/api/v1/alliance/clients/" + client.id() + "/episodes").status() == 404,
                    EVENTUALLY, "session- and alliance-service to forget the client for " + member.username());
            api.get(client.path()).expect(404);
            api.get(sessionPath(weekly, 4)).expect(404);
        }
        Api.as(org.solicitor).get(client.path()).expect(404);
        Api.anonymous().get("/api/v1/feedback/" + unusedLink).expect(404);
        await(() -> List.of(org.caseManager, org.therapist, org.solicitor).stream()
                        .allMatch(u -> inbox(u).stream().noneMatch(n -> n.path("clientId").asText().equals(client.id()))),
                EVENTUALLY, "notification-service to delete the client's notifications");
        assertEquals(0, caseManager.get("/api/v1/clients?name=" + client.familyName()).expect(200).json().path("total").asInt());
        assertTrue(!caseManager.get("/api/v1/alliance/caseload").expect(200).body().contains(client.id()), "not in the caseload");

        // No table of any service holds the client's or the family member's name, and only records that
        // must outlive erasure (ids only) still hold the client's id.
        for (String service : PlatformOptions.SERVICE_DATABASES.keySet()) {
            for (String name : List.of(client.givenName(), client.familyName(), familyMember(client))) {
                assertEquals(List.of(), ServiceDatabases.columnsContaining(service, name), service + " still holds " + name);
            }
            List<String> holdingId = ServiceDatabases.columnsContaining(service, client.id());
            assertTrue(KEPT_AFTER_ERASURE.containsAll(holdingId), service + " still holds the client's id in " + holdingId);
        }
    }

    /**
     * What keeps an erased client's id by design: the audit log (who accessed what, ids only), the
     * emptied client row with the erasure record, professionals' past memberships (to explain the audit
     * log), the events already published, and alliance-service's marker that refuses late events.
     */
    private static final Set<String> KEPT_AFTER_ERASURE = Set.of("audit_entry.client_id", "client.id",
            "erasure_record.client_id", "care_circle_member.client_id", "outbox_event.envelope", "outbox_event.message_key",
            "erased_client.client_id");
}
