package app.rapport.alliance.rest;

import app.rapport.alliance.support.AllianceTopic;
import app.rapport.alliance.support.Api;
import app.rapport.alliance.support.Events;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.session.PairHistory;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.rapport.alliance.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Withdrawal signals from realistic sequences of session events on the real topic, and none from healthy ones. */
@QuarkusTest
class SessionSignalsTest {

    private static final String THEO = DemoUsers.THEO.userId();
    private static final String ALICE = DemoUsers.ALICE.userId();
    private static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

    private static Instant week(int n) {
        return MONDAY.plus(Duration.ofDays(7L * n));
    }

    private static void attended(UUID client, int week, int minutesLate, Double gap, Double usual) {
        Events.publish(EventType.SESSION_ATTENDED, client, DemoUsers.TEAM_NORTH, new SessionAttended(UUID.randomUUID(), client,
                List.of(THEO), "therapy", week(week), minutesLate, List.of(new PairHistory(THEO, gap, usual)), THEO));
    }

    private static void cancelled(UUID client, int week, String by, double hoursNotice, String recordedBy) {
        Events.publish(EventType.SESSION_CANCELLED, client, DemoUsers.TEAM_NORTH, new SessionCancelled(UUID.randomUUID(), client,
                List.of(THEO), "therapy", week(week), by, "unwell", hoursNotice, recordedBy));
    }

    private static void moved(UUID client, int week, String requestedBy) {
        Instant previous = week(week);
        Events.publish(EventType.SESSION_RESCHEDULED, client, DemoUsers.TEAM_NORTH, new SessionRescheduled(UUID.randomUUID(),
                UUID.randomUUID(), client, List.of(THEO), "therapy", previous, previous.plus(Duration.ofDays(2)),
                previous.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(50)), 30, ALICE, requestedBy));
    }

    /** Signal kinds on the client's episodes, once {@code marker} (a healthy final event's effect) is visible. */
    private static Set<String> signalKinds(UUID client, int expectedSignals) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").jsonPath()
                        .getList("signals.flatten()").size() >= expectedSignals);
        JsonPath episodes = as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").jsonPath();
        return episodes.getList("signals.flatten().kind", String.class).stream().collect(Collectors.toSet());
    }

    @jakarta.inject.Inject
    app.rapport.alliance.config.AllianceConfig config;

    @Test
    void thresholdsArePerOrganisationWithDefaults() {
        var defaults = config.thresholdsFor(DemoUsers.ORGANISATION);
        assertEquals(app.rapport.alliance.rules.Thresholds.DEFAULTS, defaults);
        var strict = config.thresholdsFor("org-strict");
        assertEquals(5, strict.latenessMinutes());
        assertEquals(48.0, strict.lateCancellationHours());
        assertEquals(defaults.unusualGapFactor(), strict.unusualGapFactor(), "what an organisation does not set is the default");
    }

    @Test
    void aHealthyRhythmRaisesNothing() throws Exception {
        UUID client = Api.northClient();
        attended(client, 0, 0, null, null);
        attended(client, 1, 5, 7.0, null);
        attended(client, 2, 0, 7.0, 7.0);
        cancelled(client, 4, "client", 72, ALICE);
        moved(client, 5, "client");                          // two moves the client asked for: not yet repeated
        moved(client, 6, "professional");
        moved(client, 7, null);                              // a series retimed
        moved(client, 7, "client");
        attended(client, 5, 10, 14.0, 7.0);
        // A marker the consumer must have passed: same key, same partition, so earlier events were handled first.
        Events.publish(EventType.SESSION_MISSED, client, DemoUsers.TEAM_NORTH, new SessionMissed(UUID.randomUUID(), client,
                List.of(THEO), "therapy", week(6), List.of(new PairHistory(THEO, null, null)), THEO));
        assertEquals(Set.of("did-not-attend"), signalKinds(client, 1), "only the final DNA");
    }

    @Test
    void withdrawalOpensOneEpisodeThatCollectsEachSignalWithItsEvidence() {
        UUID client = Api.northClient();
        attended(client, 0, 0, null, null);
        attended(client, 1, 20, 7.0, null);                  // lateness
        cancelled(client, 2, "client", 6, ALICE);             // late client cancellation
        cancelled(client, 3, "client", 100, ALICE);           // repeated (second within 30 days)
        attended(client, 6, 0, 35.0, 7.0);                    // gap 35 > 2 × 7
        assertEquals(Set.of("lateness", "late-client-cancellation", "repeated-cancellations", "unusual-gap"),
                signalKinds(client, 4));
        JsonPath episodes = as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/episodes").jsonPath();
        assertEquals(1, episodes.getList("").size(), "signals extend the open episode");
        assertEquals(20.0f, episodes.getFloat("[0].signals.find { it.kind == 'lateness' }.evidence.observed.minutesLate"));
        assertEquals(15.0f, episodes.getFloat("[0].signals.find { it.kind == 'lateness' }.evidence.thresholds.latenessMinutes"));
        assertEquals(6.0f, episodes.getFloat("[0].signals.find { it.kind == 'late-client-cancellation' }.evidence.observed.hoursNotice"));
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rupture-detected.v1") == 1);
        assertEquals(List.of("lateness"), List.of(events.get(0).data().get("signals").get(0).asText()));
    }

    @Test
    void aClientWhoKeepsMovingSessionsIsWithdrawing() {
        UUID client = Api.northClient();
        moved(client, 1, "client");
        moved(client, 2, "professional");
        moved(client, 3, "client");
        moved(client, 4, "client");                          // third of the client's moves within 30 days
        assertEquals(Set.of("repeated-rescheduling"), signalKinds(client, 1));
        JsonPath episodes = as(DemoUsers.THEO).get("/api/v1/alliance/clients/" + client + "/episodes").jsonPath();
        assertEquals(3.0f, episodes.getFloat("[0].signals[0].evidence.observed.movesInWindow"));
        assertEquals(3.0f, episodes.getFloat("[0].signals[0].evidence.thresholds.repeatedReschedules"));
        assertEquals("client", episodes.getString("[0].signals[0].evidence.codes.requestedBy"));
    }

    @Test
    void aProfessionalsShortNoticeCancellationIsASignalForTheirPairOnly() {
        UUID client = Api.northClient();
        cancelled(client, 1, "professional", 60, THEO);      // enough notice
        cancelled(client, 2, "professional", 3, THEO);       // short notice
        assertEquals(Set.of("professional-short-notice-cancellation"), signalKinds(client, 1));
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .body("[0].professionalId", org.hamcrest.Matchers.equalTo(THEO));
    }

    @Test
    void anUnplannedEndingClosesOpenEpisodesUnresolved() {
        UUID client = Api.northClient();
        Events.publish(EventType.SESSION_MISSED, client, DemoUsers.TEAM_NORTH, new SessionMissed(UUID.randomUUID(), client,
                List.of(THEO), "therapy", week(1), List.of(new PairHistory(THEO, 7.0, 7.0)), THEO));
        signalKinds(client, 1);
        Events.discharged(client, "unplanned");
        List<EventEnvelope> events = AllianceTopic.eventsAbout(client,
                seen -> AllianceTopic.count(seen, "rapport.alliance.rupture-closed.v1") == 1);
        EventEnvelope closed = events.stream().filter(e -> e.type().equals("rapport.alliance.rupture-closed.v1")).findFirst().orElseThrow();
        assertEquals("unplanned-ending", closed.data().get("reason").asText());
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .body("[0].state", org.hamcrest.Matchers.equalTo("closed-unresolved"));
    }

    @Test
    void sessionsWithProfessionalsWhoseAllianceIsNotMeasuredRaiseNothing() {
        UUID client = Api.northClient();
        Events.joined(client, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);
        String sam = DemoUsers.SAM.userId();
        Events.publish(EventType.SESSION_MISSED, client, DemoUsers.TEAM_NORTH, new SessionMissed(UUID.randomUUID(), client,
                List.of(sam), "case-management-visit", week(1), List.of(new PairHistory(sam, 7.0, 7.0)), sam));
        Events.publish(EventType.SESSION_MISSED, client, DemoUsers.TEAM_NORTH, new SessionMissed(UUID.randomUUID(), client,
                List.of(THEO), "therapy", week(2), List.of(new PairHistory(THEO, 7.0, 7.0)), THEO));
        signalKinds(client, 1);
        as(DemoUsers.ALICE).get("/api/v1/alliance/clients/" + client + "/episodes").then()
                .body("", org.hamcrest.Matchers.hasSize(1)).body("[0].professionalId", org.hamcrest.Matchers.equalTo(THEO));
    }
}
