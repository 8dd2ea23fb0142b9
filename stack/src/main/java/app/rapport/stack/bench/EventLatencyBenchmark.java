package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.stack.Platform;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B2, event latency: a case manager cancels sessions through session-service at a fixed rate; each
 * cancellation travels outbox → relay → Kafka → notification-service (routing, inbox row) → the
 * therapist's open live stream. Latency runs from the moment the cancellation was due to be sent
 * (open loop) to its arrival on the stream; every cancellation is counted on arrival, so none can be
 * lost unnoticed.
 *
 * <pre>java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.EventLatencyBenchmark</pre>
 */
public final class EventLatencyBenchmark {

    private static final String CANCELLED = "rapport.session.cancelled.v1";
    private static final int CLIENTS = 24;
    private static final double RATE = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int WINDOWS = 3;
    private static final Duration STRAGGLERS = Duration.ofSeconds(60);

    private final Platform platform;
    private final HttpLoad load;
    private final Iterator<String> sessions;
    private final String caseManagerToken;
    /** Session id → when its cancellation was due (nanoTime), and → when it arrived on the stream. */
    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    private EventLatencyBenchmark(Platform platform, HttpLoad load, List<String> sessions) {
        this.platform = platform;
        this.load = load;
        this.sessions = sessions.iterator();
        this.caseManagerToken = platform.issuer().tokenFor(DemoUsers.ALICE);
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = BenchPlatform.vertx();
        try (Platform platform = BenchPlatform.start("b2-event-latency");
             Caseloads caseloads = new Caseloads(platform);
             HttpLoad load = new HttpLoad(vertx, platform.serviceUrl("session-service"), 64);
             PeakFootprint footprint = PeakFootprint.start(platform)) {
            List<String> clients = caseloads.register(DemoUsers.ALICE, CLIENTS, "Canceller", List.of(DemoUsers.THEO));
            caseloads.awaitKnown("session-service", DemoUsers.THEO, clients, id -> "/api/v1/sessions/clients/" + id);
            long before = caseloads.awaitInboxQuiet(DemoUsers.THEO, Duration.ofSeconds(3));
            long booking = System.nanoTime();
            List<String> sessions = BookedSessions.book(caseloads, DemoUsers.ALICE, DemoUsers.THEO, clients);
            double booked = (System.nanoTime() - booking) / 1e9;
            // Each booking tells the therapist (alice booked, so alice is not told): a backlog to clear first.
            Duration drained = caseloads.awaitInbox(DemoUsers.THEO, before + sessions.size(), Duration.ofMinutes(4));
            Report.say(String.format("Booked %d sessions in %.1f s; their %d session.scheduled notifications were all in "
                    + "theo's inbox %.1f s later (%.0f events/s routed from a backlog)", sessions.size(), booked,
                    sessions.size(), drained.toMillis() / 1000.0, sessions.size() / (booked + drained.toMillis() / 1000.0)));
            new EventLatencyBenchmark(platform, load, sessions).run(vertx);
            Report.say("Peak memory during the run:");
            Report.table(PeakFootprint.HEADERS, footprint.rows());
        } finally {
            vertx.close();
        }
    }

    private void run(Vertx vertx) throws Exception {
        try (InboxStreamReader stream = InboxStreamReader.open(vertx, platform.serviceUrl("notification-service"),
                platform.issuer().tokenFor(DemoUsers.THEO), this::onArrival)) {
            Report.say(String.format("Warm-up: %.0f cancellations/s for %d s", RATE, WARM_UP.toSeconds()));
            window(WARM_UP);
            Optional<Profiler> profiler = Profiler.startIfWanted(platform, "session-service", "notification-service");
            List<List<String>> rows = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> max = new ArrayList<>();
            Latencies pooled = new Latencies();
            int lostInAll = 0;
            for (int round = 1; round <= WINDOWS; round++) {
                String loadAverage = Report.loadAverage();
                Window result = window(WINDOW);
                result.latencies().values(pooled::add);
                lostInAll += result.lost();
                p50.add(result.latencies().percentileMillis(50));
                p99.add(result.latencies().percentileMillis(99));
                max.add(result.latencies().percentileMillis(100));
                rows.add(List.of(Integer.toString(round), Integer.toString(result.accepted()),
                        Integer.toString(result.latencies().count()), Integer.toString(result.lost()),
                        Report.number(result.latencies().percentileMillis(50)), Report.number(result.latencies().percentileMillis(90)),
                        Report.number(result.latencies().percentileMillis(99)), Report.number(result.latencies().percentileMillis(100)),
                        Report.number(result.answers().latencies().percentileMillis(99)), loadAverage));
            }
            if (profiler.isPresent()) {
                profiler.get().stopAndSummarise();
            }
            rows.add(List.of("median", "", "", "", Report.number(Report.median(p50)), "", Report.number(Report.median(p99)),
                    Report.number(Report.median(max)), "", ""));
            Report.say(String.format("%d windows of %d s at %.0f cancellations/s, due time -> on theo's live stream:", WINDOWS,
                    WINDOW.toSeconds(), RATE));
            Report.table(List.of("window", "cancellations accepted", "arrived", "lost", "p50 ms", "p90 ms", "p99 ms", "max ms",
                    "REST answer p99 ms", "load average"), rows);
            Report.say(String.format("All windows together: %s; lost %d; duplicates %d (target p99 <= 150 ms, none lost)",
                    pooled.summary(), lostInAll, duplicates.get()));
        }
    }

    private record Window(HttpLoad.Outcome answers, Latencies latencies, int accepted, int lost) {
    }

    /** Cancels at {@link #RATE} for the duration, then waits for every accepted cancellation to arrive. */
    private Window window(Duration duration) throws InterruptedException {
        List<String> cancelled = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpLoad.Outcome answers = load.openLoop(RATE, duration, dueAt -> {
            String session = sessions.next();
            due.put(session, dueAt);
            return HttpLoad.Request.post("/api/v1/sessions/" + session + "/cancellation", caseManagerToken,
                    "{\"by\":\"professional\",\"reason\":\"practitioner-unwell\"}").answeredTo(body -> cancelled.add(session));
        });
        List<String> accepted;
        synchronized (cancelled) {
            accepted = new ArrayList<>(cancelled);
        }
        long deadline = System.nanoTime() + STRAGGLERS.toNanos();
        while (System.nanoTime() < deadline && !arrived.keySet().containsAll(accepted)) {
            Thread.sleep(20);
        }
        Latencies latencies = new Latencies();
        int lost = 0;
        for (String session : accepted) {
            Long at = arrived.get(session);
            if (at == null) {
                lost++;
            } else {
                latencies.add(at - due.get(session));
            }
        }
        return new Window(answers, latencies, accepted.size(), lost);
    }

    private void onArrival(InboxStreamReader.Arrival arrival) {
        if (!CANCELLED.equals(arrival.eventType())) {
            return;
        }
        String link = arrival.link();
        String session = link.substring(link.lastIndexOf('/') + 1);
        if (arrived.putIfAbsent(session, arrival.receivedAt()) != null) {
            duplicates.incrementAndGet();
        }
    }
}
