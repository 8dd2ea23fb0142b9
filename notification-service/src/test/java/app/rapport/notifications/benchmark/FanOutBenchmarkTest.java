package app.rapport.notifications.benchmark;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.notifications.routing.EventSamples;
import app.rapport.notifications.support.Inboxes;
import app.rapport.notifications.support.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small benchmark on the real broker and database: fan-out throughput (notifications written per
 * second while a burst of events is routed to a care circle) and end-to-end latency from an event's
 * time (when the publishing service committed the change) to its arrival on an open live stream.
 * Numbers are printed and written to {@code target/benchmark-notifications.txt}; the assertions only
 * check that every notification arrived exactly once. On a shared machine compare runs, not absolutes.
 * A benchmark, so not part of the test suite: {@code ./mvnw -pl notification-service -am verify -Pbench}.
 */
@QuarkusTest
@Tag("benchmark")
class FanOutBenchmarkTest {

    private static final int EVENTS = 150;
    private static final int SINGLES = 20;
    private static final List<DemoUser> RECIPIENTS = List.of(DemoUsers.ALICE, DemoUsers.THEO, DemoUsers.SAM, DemoUsers.SOPHIE);

    @TestHTTPResource("/api/v1/notifications/inbox/stream")
    URI stream;

    @Test
    void fanOutThroughputAndEndToEndLatency() throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        EventSamples.publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.THEO, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.NADIA, CareTeamRole.THERAPIST),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.KWAME, CareTeamRole.SUPPORT_WORKER),
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.SOPHIE, CareTeamRole.SOLICITOR),
                EventSamples.granted(client, DataCategory.SCHEDULE, CareTeamRole.SOLICITOR, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inboxes.countsByType(DemoUsers.ALICE, client)
                .containsKey("rapport.consent.granted.v1"));

        List<EventEnvelope> burst = new ArrayList<>();
        Map<String, Instant> eventTimeBySession = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            EventEnvelope cancelled = EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO, DemoUsers.SAM));
            burst.add(cancelled);
            eventTimeBySession.put(cancelled.data().get("sessionId").asText(), cancelled.time());
        }
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        List<Long> singleMs = new ArrayList<>();
        Instant started;
        Instant finished;
        try (SseClient alice = new SseClient(stream, Tokens.of(DemoUsers.ALICE), null).connected()) {
            started = Instant.now();
            EventSamples.publish(burst.toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                    alice.events().stream().filter(e -> e.data().contains(client.toString())).count() >= EVENTS);
            finished = Instant.now();
            // One at a time on a quiet system: event time (the publisher's commit) to arrival on the open stream.
            for (int i = 0; i < SINGLES; i++) {
                EventEnvelope single = EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO));
                String session = single.data().get("sessionId").asText();
                EventSamples.publish(single);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() ->
                        alice.events().stream().anyMatch(e -> e.data().contains(session)));
                singleMs.add(Duration.between(single.time(), Instant.now()).toMillis());
            }
            alice.events().stream().filter(e -> e.data().contains(client.toString())).forEach(e -> {
                String link = JsonPath.from(e.data()).getString("link");
                Instant eventTime = eventTimeBySession.get(link.substring(link.lastIndexOf('/') + 1));
                JsonPath item = JsonPath.from(e.data());
                if (eventTime != null) {
                    latenciesMs.add(Duration.between(eventTime, Instant.parse(item.getString("createdAt"))).toMillis());
                }
            });
        }
        for (DemoUser user : RECIPIENTS) {
            // The single events name only Theo, so Sam (a support worker, told only when involved) does not get them.
            int expected = user == DemoUsers.SAM ? EVENTS : EVENTS + SINGLES;
            await().atMost(Duration.ofSeconds(60)).until(() -> Inboxes.countsByType(user, client)
                    .getOrDefault("rapport.session.cancelled.v1", 0) >= expected);
            assertEquals(expected, Inboxes.countsByType(user, client).get("rapport.session.cancelled.v1"), user.username());
        }
        int notifications = EVENTS * RECIPIENTS.size();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        List<Long> singles = new ArrayList<>(singleMs);
        Collections.sort(singles);
        String report = String.format("""
                        notification fan-out benchmark
                        events: %d session.cancelled, %d recipients each after consent and relevance filters (%d notifications)
                        burst routed in %.2f s: %.0f events/s, %.0f notifications/s
                        during the burst, event time -> in inbox (queueing included), %d items: p50 %d ms, p95 %d ms, max %d ms
                        single events on a quiet system, event time -> received on an open live stream, %d events: p50 %d ms, p95 %d ms, max %d ms
                        """, EVENTS, RECIPIENTS.size(), notifications, seconds, EVENTS / seconds, notifications / seconds,
                sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1),
                singles.size(), percentile(singles, 50), percentile(singles, 95), singles.get(singles.size() - 1));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-notifications.txt"), report);
        assertEquals(EVENTS, sorted.size(), "every event reached the open stream");
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
