package app.rapport.notifications.routing;

import app.rapport.contract.EventType;
import app.rapport.contract.alliance.EarlyWarning;
import app.rapport.contract.alliance.FeedbackRecorded;
import app.rapport.contract.alliance.RatingDiscrepancy;
import app.rapport.contract.alliance.RepairRecorded;
import app.rapport.contract.alliance.RuptureAcknowledged;
import app.rapport.contract.alliance.RuptureClosed;
import app.rapport.contract.alliance.RuptureDetected;
import app.rapport.contract.alliance.RuptureResolved;
import java.time.Instant;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.notifications.support.Inboxes;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static app.rapport.notifications.routing.EventSamples.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing matrix row by row, against the real broker and database: one client with a full care
 * circle (case manager, two therapists and two support workers of whom one each is involved in the
 * sessions, a solicitor, a family member without an account), every routed event type, then consent
 * granted and withdrawn mid-stream and a member leaving. Expectations are written out here, not read
 * from the routing table, so a wrong row fails.
 */
@QuarkusTest
class RoutingMatrixTest {

    private static final String REGISTERED = "rapport.client.registered.v1";
    private static final String JOINED = "rapport.careteam.member-joined.v1";
    private static final String LEFT = "rapport.careteam.member-left.v1";
    private static final String DISCHARGED = "rapport.client.discharged.v1";
    private static final String GOAL_SET = "rapport.goal.set.v1";
    private static final String GOAL_UPDATED = "rapport.goal.updated.v1";
    private static final String GOAL_ACHIEVED = "rapport.goal.achieved.v1";
    private static final String MILESTONE = "rapport.litigation.milestone-recorded.v1";
    private static final String SCHEDULED = "rapport.session.scheduled.v1";
    private static final String RESCHEDULED = "rapport.session.rescheduled.v1";
    private static final String CANCELLED = "rapport.session.cancelled.v1";
    private static final String ATTENDED = "rapport.session.attended.v1";
    private static final String MISSED = "rapport.session.missed.v1";
    private static final String ENDING = "rapport.session.ending-approaching.v1";
    private static final String GRANTED = "rapport.consent.granted.v1";
    private static final String WITHDRAWN = "rapport.consent.withdrawn.v1";

    private static final List<DemoUser> INVOLVED = List.of(DemoUsers.THEO, DemoUsers.SAM);

    private static void awaitThat(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }

    private static Map<String, Integer> expect(Object... typeAndCount) {
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < typeAndCount.length; i += 2) {
            expected.put((String) typeAndCount[i], (Integer) typeAndCount[i + 1]);
        }
        return expected;
    }

    @Test
    void eachEventTypeReachesExactlyTheRelevantConsentedMembers() throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        String reference = registration.data().get("clientReference").asText();
        UUID sophieMember = UUID.randomUUID();
        UUID theoMember = UUID.randomUUID();
        publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, theoMember, DemoUsers.THEO, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.NADIA, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.KWAME, CareTeamRole.SUPPORT_WORKER),
                EventSamples.joined(client, UUID.randomUUID(), null, CareTeamRole.FAMILY),
                EventSamples.joined(client, sophieMember, DemoUsers.SOPHIE, CareTeamRole.SOLICITOR));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.SOPHIE, client).containsKey(JOINED));

        UUID goal = UUID.randomUUID();
        publish(EventSamples.updated(client),
                EventSamples.goalSet(client, goal, DemoUsers.THEO),
                EventSamples.goalUpdated(client, goal),
                EventSamples.goalAchieved(client, goal),
                EventSamples.milestone(client),
                EventSamples.discharged(client));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(DISCHARGED));
        publish(EventSamples.scheduled(client, UUID.randomUUID(), INVOLVED),
                EventSamples.rescheduled(client, UUID.randomUUID(), INVOLVED),
                EventSamples.cancelled(client, UUID.randomUUID(), INVOLVED),
                EventSamples.attended(client, UUID.randomUUID(), INVOLVED),
                EventSamples.missed(client, UUID.randomUUID(), INVOLVED),
                EventSamples.endingApproaching(client, DemoUsers.THEO));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(ENDING));

        Map<DemoUser, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put(DemoUsers.ALICE, expect(REGISTERED, 1, JOINED, 7, DISCHARGED, 1, GOAL_SET, 1, GOAL_UPDATED, 1,
                GOAL_ACHIEVED, 1, MILESTONE, 1, SCHEDULED, 1, RESCHEDULED, 1, CANCELLED, 1, ATTENDED, 1, MISSED, 1,
                ENDING, 1));
        // Involved therapist: their sessions, goals, litigation; not attendance (the case manager's concern).
        expected.put(DemoUsers.THEO, expect(JOINED, 1, DISCHARGED, 1, GOAL_SET, 1, GOAL_UPDATED, 1, GOAL_ACHIEVED, 1,
                MILESTONE, 1, SCHEDULED, 1, RESCHEDULED, 1, CANCELLED, 1, MISSED, 1, ENDING, 1));
        // A therapist in the circle but not in these sessions or this goal's agreement.
        expected.put(DemoUsers.NADIA, expect(JOINED, 1, DISCHARGED, 1, GOAL_UPDATED, 1, GOAL_ACHIEVED, 1, MILESTONE, 1));
        // Support workers never hear of litigation.
        expected.put(DemoUsers.SAM, expect(JOINED, 1, DISCHARGED, 1, GOAL_SET, 1, GOAL_ACHIEVED, 1, SCHEDULED, 1,
                RESCHEDULED, 1, CANCELLED, 1, MISSED, 1));
        expected.put(DemoUsers.KWAME, expect(JOINED, 1, DISCHARGED, 1, GOAL_SET, 1, GOAL_ACHIEVED, 1));
        // The solicitor: identity and litigation by default; schedule and goals only with consent (none yet).
        expected.put(DemoUsers.SOPHIE, expect(JOINED, 1, DISCHARGED, 1, MILESTONE, 1));
        expected.put(DemoUsers.BILAL, expect());
        expected.put(DemoUsers.TARA, expect());
        expected.forEach((user, counts) ->
                assertEquals(counts, Inboxes.countsByType(user, client), user.username() + "'s notifications"));

        // Messages: what happened, the reference (never a name), where to act.
        Map<String, Object> forSophie = Inboxes.items(DemoUsers.SOPHIE, client).stream()
                .filter(i -> MILESTONE.equals(i.get("eventType"))).findFirst().orElseThrow();
        assertEquals("Litigation milestone for client " + reference + ": trial-date-set", forSophie.get("title"));
        assertEquals("/clients/" + client + "/case", forSophie.get("link"));

        // Mid-stream: the client lets solicitors see the schedule...
        publish(EventSamples.granted(client, DataCategory.SCHEDULE, CareTeamRole.SOLICITOR, null));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(GRANTED));
        UUID sharedSession = UUID.randomUUID();
        publish(EventSamples.cancelled(client, sharedSession, List.of(DemoUsers.THEO)));
        awaitThat(() -> Inboxes.hasLink(DemoUsers.ALICE, client, sharedSession.toString()));
        assertTrue(Inboxes.hasLink(DemoUsers.SOPHIE, client, sharedSession.toString()), "shared once consented");

        // ...then withdraws it from Sophie by name, which outranks the grant to her role.
        publish(EventSamples.withdrawn(client, DataCategory.SCHEDULE, null, sophieMember));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(WITHDRAWN));
        EventEnvelope afterWithdrawal = EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO));
        publish(afterWithdrawal, afterWithdrawal); // delivered twice: still one notification each
        String withdrawnSession = afterWithdrawal.data().get("sessionId").asText();
        awaitThat(() -> Inboxes.hasLink(DemoUsers.ALICE, client, withdrawnSession));
        assertFalse(Inboxes.hasLink(DemoUsers.SOPHIE, client, withdrawnSession), "nothing after the withdrawal");
        assertEquals(1, Inboxes.withLink(DemoUsers.ALICE, client, withdrawnSession));
        assertEquals(1, Inboxes.withLink(DemoUsers.THEO, client, withdrawnSession));

        // A member who leaves the circle hears nothing more.
        publish(EventSamples.left(client, theoMember, DemoUsers.THEO, CareTeamRole.THERAPIST));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.ALICE, client).containsKey(LEFT));
        UUID afterLeaving = UUID.randomUUID();
        publish(EventSamples.cancelled(client, afterLeaving, List.of(DemoUsers.THEO)));
        awaitThat(() -> Inboxes.hasLink(DemoUsers.ALICE, client, afterLeaving.toString()));
        assertFalse(Inboxes.hasLink(DemoUsers.THEO, client, afterLeaving.toString()), "left the circle");
        assertFalse(Inboxes.countsByType(DemoUsers.THEO, client).containsKey(LEFT));
    }

    @Test
    void whoCausedAnEventIsNotToldAboutIt() throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.THEO, CareTeamRole.THERAPIST));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.THEO, client).containsKey(JOINED));
        UUID goal = UUID.randomUUID();
        EventEnvelope setByTheo = EventSamples.of(app.rapport.contract.EventType.GOAL_SET, client,
                new app.rapport.contract.goal.GoalSet(client, goal, List.of(DemoUsers.THEO.userId()), DemoUsers.THEO.userId()));
        publish(setByTheo);
        awaitThat(() -> Inboxes.hasLink(DemoUsers.ALICE, client, goal.toString()));
        assertFalse(Inboxes.hasLink(DemoUsers.THEO, client, goal.toString()));
    }

    @Test
    void anErasedClientLeavesNoNotificationsBehind() throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.THEO, CareTeamRole.THERAPIST),
                EventSamples.goalAchieved(client, UUID.randomUUID()));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.THEO, client).containsKey(GOAL_ACHIEVED));
        assertFalse(Inboxes.items(DemoUsers.ALICE, client).isEmpty());

        publish(EventSamples.erased(client));
        awaitThat(() -> Inboxes.items(DemoUsers.ALICE, client).isEmpty() && Inboxes.items(DemoUsers.THEO, client).isEmpty());

        // Nothing is known of the circle any more: a late event about the client reaches nobody.
        UUID late = UUID.randomUUID();
        EventEnvelope marker = EventSamples.clientRegistered(DemoUsers.ALICE);
        publish(EventSamples.goalAchieved(client, late));
        EventSamples.send(app.rapport.contract.Topic.CLIENTS, client.toString(), EventSamples.bytes(marker));
        awaitThat(() -> !Inboxes.items(DemoUsers.ALICE, marker.clientId()).isEmpty());
        assertTrue(Inboxes.items(DemoUsers.THEO, client).isEmpty());
    }

    @Test
    void allianceNewsReachesOnlyTheCaseManagerAndTheProfessionalConcerned() throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.THEO, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.NADIA, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER),
                EventSamples.joined(client, UUID.randomUUID(), null, CareTeamRole.FAMILY),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.SOPHIE, CareTeamRole.SOLICITOR));
        awaitThat(() -> Inboxes.countsByType(DemoUsers.SOPHIE, client).containsKey(JOINED));

        // Everything that can happen to the alliance between the client and theo; tara (outside the circle) does the recording.
        String theo = DemoUsers.THEO.userId();
        String tara = DemoUsers.TARA.userId();
        UUID episode = UUID.randomUUID();
        Instant now = Instant.now();
        publish(EventSamples.of(EventType.ALLIANCE_FEEDBACK_RECORDED, client, new FeedbackRecorded(client, theo,
                        UUID.randomUUID(), "rapport-session-check", "client", 14, 35, true, null, now)),
                EventSamples.of(EventType.ALLIANCE_RUPTURE_DETECTED, client, new RuptureDetected(client, theo, episode,
                        List.of("below-cut-off"), now)),
                EventSamples.of(EventType.ALLIANCE_EARLY_WARNING, client, new EarlyWarning(client, theo, episode,
                        "rapport-session-check", List.of(UUID.randomUUID()), 14, 28)),
                EventSamples.of(EventType.ALLIANCE_RATING_DISCREPANCY, client, new RatingDiscrepancy(client, theo, episode,
                        UUID.randomUUID(), UUID.randomUUID(), 100, 30)),
                EventSamples.of(EventType.ALLIANCE_RUPTURE_ACKNOWLEDGED, client, new RuptureAcknowledged(client, theo,
                        episode, tara, now)),
                EventSamples.of(EventType.ALLIANCE_REPAIR_RECORDED, client, new RepairRecorded(client, theo, episode,
                        UUID.randomUUID(), "explore-together", tara, now)),
                EventSamples.of(EventType.ALLIANCE_RUPTURE_RESOLVED, client, new RuptureResolved(client, theo, episode,
                        UUID.randomUUID(), true, 9, now)),
                EventSamples.of(EventType.ALLIANCE_RUPTURE_CLOSED, client, new RuptureClosed(client, theo, UUID.randomUUID(),
                        "unplanned-ending", false, now)));
        awaitThat(() -> allianceCounts(DemoUsers.ALICE, client).containsKey("rapport.alliance.rupture-closed.v1"));

        Map<String, Integer> episodeNews = expect("rapport.alliance.rupture-detected.v1", 1,
                "rapport.alliance.early-warning.v1", 1, "rapport.alliance.rating-discrepancy.v1", 1,
                "rapport.alliance.rupture-acknowledged.v1", 1, "rapport.alliance.repair-recorded.v1", 1,
                "rapport.alliance.rupture-resolved.v1", 1, "rapport.alliance.rupture-closed.v1", 1);
        assertEquals(episodeNews, allianceCounts(DemoUsers.ALICE, client), "the case manager hears every episode step");
        assertEquals(episodeNews, allianceCounts(DemoUsers.THEO, client), "the professional concerned too");
        // Another therapist of the client, the support worker and the solicitor hear nothing of it; nobody is told of
        // each feedback response.
        for (DemoUser bystander : List.of(DemoUsers.NADIA, DemoUsers.SAM, DemoUsers.SOPHIE, DemoUsers.TARA)) {
            assertEquals(Map.of(), allianceCounts(bystander, client), bystander.username());
        }
    }

    private static Map<String, Integer> allianceCounts(DemoUser user, UUID client) {
        Map<String, Integer> counts = new TreeMap<>(Inboxes.countsByType(user, client));
        counts.keySet().removeIf(type -> !type.startsWith("rapport.alliance."));
        return counts;
    }
}
