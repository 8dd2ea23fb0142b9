package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.stack.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * B3, feedback burst: 10,000 answers through one-time feedback links (the clients' own path, no
 * account), created beforehand by the case manager. Each answer is scored and its rupture rules run
 * in alliance-service; the ruptures they open and resolve travel to notification-service and out to
 * the case manager's and the therapist's live streams. The burst ends when the last of those
 * notifications has arrived.
 *
 * <p>Each client's 20 answers come in order from one virtual user: three steady ratings (the
 * baseline), a sharp drop at the fifth (below the cut-off and a reliable drop: a rupture opens), a
 * recovery at the sixth (the rupture is resolved), then steady ratings again.
 *
 * <pre>java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.FeedbackBurstBenchmark</pre>
 */
public final class FeedbackBurstBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 500;
    private static final int LINKS_PER_CLIENT = 20;
    private static final int DROP_AT = 4;
    private static final int USERS = 16;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final Platform platform;
    private final HttpLoad load;
    private final List<String> clients;
    private final List<List<String>> tokens = new ArrayList<>();

    private FeedbackBurstBenchmark(Platform platform, HttpLoad load, List<String> clients) {
        this.platform = platform;
        this.load = load;
        this.clients = clients;
        clients.forEach(client -> tokens.add(Collections.synchronizedList(new ArrayList<>())));
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = BenchPlatform.vertx();
        try (Platform platform = BenchPlatform.start("b3-feedback-burst");
             Caseloads caseloads = new Caseloads(platform);
             HttpLoad load = new HttpLoad(vertx, platform.serviceUrl("alliance-service"), USERS);
             PeakFootprint footprint = PeakFootprint.start(platform)) {
            List<String> clients = caseloads.register(DemoUsers.ALICE, CLIENTS, "Rater", List.of(DemoUsers.THEO));
            caseloads.awaitKnown("alliance-service", DemoUsers.THEO, clients, id -> "/api/v1/alliance/clients/" + id + "/episodes");
            Report.say("Registered " + clients.size() + " clients of alice, each with theo as therapist");
            FeedbackBurstBenchmark benchmark = new FeedbackBurstBenchmark(platform, load, clients);
            benchmark.createLinks();
            caseloads.awaitInboxQuiet(DemoUsers.ALICE, Duration.ofSeconds(3));
            caseloads.awaitInboxQuiet(DemoUsers.THEO, Duration.ofSeconds(3));
            benchmark.burst(vertx);
            Report.say("Peak memory during the run:");
            Report.table(PeakFootprint.HEADERS, footprint.rows());
        } finally {
            vertx.close();
        }
    }

    private void createLinks() throws InterruptedException, IOException {
        String token = platform.issuer().tokenFor(DemoUsers.ALICE);
        String body = "{\"professionalId\":\"" + DemoUsers.THEO.userId() + "\"}";
        HttpLoad.Outcome created = load.closedLoop(USERS, LIMIT, user -> clientsOf(user, (client, index) ->
                HttpLoad.Request.post("/api/v1/alliance/clients/" + clients.get(client) + "/feedback-links", token, body)
                        .answeredTo(answer -> tokens.get(client).add(tokenIn(answer)))));
        if (created.failed() > 0) {
            throw new IOException("Creating feedback links failed: " + created.statuses());
        }
        Report.say(String.format("Created %d one-time links in %.1f s (%.0f/s)", created.succeeded(),
                created.elapsed().toMillis() / 1000.0, created.perSecond()));
    }

    private void burst(Vertx vertx) throws Exception {
        long expectedPerRecipient;
        AtomicInteger toAlice = new AtomicInteger();
        AtomicInteger toTheo = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        String notifications = platform.serviceUrl("notification-service");
        Optional<PgStatements> statements = PgStatements.enableIfProfiling(platform);
        try (InboxStreamReader alice = InboxStreamReader.open(vertx, notifications, platform.issuer().tokenFor(DemoUsers.ALICE),
                arrival -> count(arrival, toAlice, lastArrival));
             InboxStreamReader theo = InboxStreamReader.open(vertx, notifications, platform.issuer().tokenFor(DemoUsers.THEO),
                     arrival -> count(arrival, toTheo, lastArrival))) {
            String loadAverage = Report.loadAverage();
            Report.say("Burst: " + CLIENTS * LINKS_PER_CLIENT + " answers from " + USERS + " virtual users (load " + loadAverage + ")");
            Optional<Profiler> profiler = Profiler.startIfWanted(platform, "alliance-service", "notification-service");
            CpuTime.Split before = CpuTime.Split.now(platform);
            long started = System.nanoTime();
            HttpLoad.Outcome submitted = load.closedLoop(USERS, LIMIT, user -> clientsOf(user, (client, index) ->
                    HttpLoad.Request.post("/api/v1/feedback/" + tokens.get(client).get(index), null, answers(index))));
            long submittedAt = System.nanoTime();
            Map<String, Long> events = allianceEvents();
            expectedPerRecipient = events.entrySet().stream().filter(e -> !e.getKey().endsWith("feedback-recorded.v1"))
                    .mapToLong(Map.Entry::getValue).sum();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while ((toAlice.get() < expectedPerRecipient || toTheo.get() < expectedPerRecipient) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            CpuTime.Split cpu = CpuTime.Split.now(platform).since(before).perOperation(Math.max(1, submitted.succeeded()));
            if (profiler.isPresent()) {
                profiler.get().stopAndSummarise();
            }
            if (statements.isPresent()) {
                statements.get().print("alliance", submitted.succeeded(), 14);
                statements.get().print("notifications", submitted.succeeded(), 10);
            }
            double total = (lastArrival.get() - started) / 1e9;
            double submitting = (submittedAt - started) / 1e9;
            Report.say("Alliance events written by the burst: " + events);
            Report.table(List.of("measure", "value"), List.of(
                    List.of("answers accepted (201)", Integer.toString(submitted.succeeded())),
                    List.of("answers refused or failed", Integer.toString(submitted.failed()) + " " + submitted.statuses()),
                    List.of("answer latency", submitted.latencies().summary()),
                    List.of("all answers accepted after", String.format("%.2f s (%.0f answers/s)", submitting,
                            submitted.succeeded() / submitting)),
                    List.of("rupture notifications expected per recipient", Long.toString(expectedPerRecipient)),
                    List.of("arrived on alice's / theo's stream", toAlice.get() + " / " + toTheo.get()),
                    List.of("last notification arrived after", String.format("%.2f s (%.2f s after the last answer)", total,
                            total - submitting)),
                    List.of("end to end", String.format("%.0f answers/s (target >= 300)", submitted.succeeded() / total)),
                    List.of("CPU ms per answer, all processes", String.format("%.2f: %s", cpu.total(), cpu.describe())),
                    List.of("what two idle cores could carry (the platform's CPU only, not the load generator's)",
                            String.format("%.0f answers/s", 2000 / cpu.platform())),
                    List.of("load average before the burst", loadAverage)));
        }
    }

    private static void count(InboxStreamReader.Arrival arrival, AtomicInteger counter, AtomicLong lastArrival) {
        if (arrival.eventType().startsWith("rapport.alliance.")) {
            counter.incrementAndGet();
            lastArrival.accumulateAndGet(arrival.receivedAt(), Math::max);
        }
    }

    /** A request for each link of each of this user's clients in turn, then null. */
    private Supplier<HttpLoad.Request> clientsOf(int user, LinkRequest request) {
        int[] next = {user, 0};
        return () -> {
            if (next[1] == LINKS_PER_CLIENT) {
                next[0] += USERS;
                next[1] = 0;
            }
            if (next[0] >= clients.size()) {
                return null;
            }
            return request.of(next[0], next[1]++);
        };
    }

    @FunctionalInterface
    private interface LinkRequest {
        HttpLoad.Request of(int client, int index);
    }

    /** Steady ratings of 35 to 37 out of 40, and a drop to 12 at {@link #DROP_AT}. */
    private static String answers(int index) {
        int usual = 9;
        int last = index == DROP_AT ? 3 : 8 + index % 3;
        int each = index == DROP_AT ? 3 : usual;
        return "{\"answers\":{\"bond\":" + each + ",\"goals\":" + each + ",\"approach\":" + each + ",\"overall\":" + last + "}}";
    }

    private static String tokenIn(String answer) {
        try {
            return JSON.readTree(answer).path("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable link: " + answer, e);
        }
    }

    /** Events the burst made alliance-service write, by type (from its outbox). */
    private Map<String, Long> allianceEvents() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl("alliance"), "postgres", "postgres");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select event_type, count(*) from outbox_event where event_type like 'rapport.alliance.%' group by event_type")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
