package app.rapport.stack.bench;

import app.rapport.devkit.postgres.PostgresServer;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.Platform;
import app.rapport.stack.PlatformOptions;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * B5: the caseload alliance view ({@code GET /api/v1/alliance/caseload}) for case managers with 40 clients each, in a
 * database of 100,000 clients, 2,000,000 sessions and 1,000,000 responses; target p99 ≤ 50 ms. alliance-service runs
 * as in the local run (its own JVM, real HTTP, every request's JWT verified against the development issuer) on
 * PostgreSQL, with the Kafka broker it consumes from. The data are generated into its schema after Flyway ran
 * ({@link CaseloadData}). Then a warm-up, and repeats of: one request at a time round-robin over the measured case
 * managers; four at a time; the view of two team leads (whole teams); and, for scale, two requests that do almost
 * nothing (the liveness check, and the measure list, which adds token verification). Medians of the repeats are the
 * figures. Last, where the time goes: PostgreSQL's time per statement and the plans of the view's queries, and a
 * flight recording of the service while it answers.
 *
 * <pre>./mvnw -DskipTests package &amp;&amp; java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.CaseloadBenchmark</pre>
 * Smaller or larger: {@code -Dbench.clients=… -Dbench.sessions=… -Dbench.responses=… -Dbench.repeats=…}; the
 * service's JVM runs with the local run's settings (256 MB heap, serial GC, quick C1 JIT only) unless
 * {@code -Drapport.stack.service-jvm-options="…"} says otherwise, e.g. {@code "-Xmx256m -XX:+UseSerialGC"} for the full JIT.
 */
public final class CaseloadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEASURED_CASE_MANAGERS = 12;
    private static final int SEQUENTIAL = 400;
    private static final int THREADS = 4;
    private static final int PER_THREAD = 100;
    private static final int TEAM_LEAD_REQUESTS = 60;
    private static final double TARGET_P99_MS = 50;

    /** Who asks for what: a measured user (or nobody, for the liveness check) and the URL. */
    private record Caller(String name, String token, URI uri) {
    }

    /** One measured phase: its latencies and how many requests per second it sustained. */
    private record Phase(Latencies latencies, double perSecond) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private CaseloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("rapport.root", "")).toAbsolutePath().normalize();
        Path work = repository.resolve("target/bench/caseload");
        CaseloadData.Sizes sizes = new CaseloadData.Sizes(Integer.getInteger("bench.clients", 100_000),
                Long.getLong("bench.sessions", 2_000_000), Long.getLong("bench.responses", 1_000_000), MEASURED_CASE_MANAGERS);
        int repeats = Integer.getInteger("bench.repeats", 5);
        Consumer<String> say = message -> System.out.println("[bench] " + message);
        long started = System.nanoTime();
        try (Platform platform = Platform.startServices(PlatformOptions.freePorts(work, repository),
                Set.of("alliance-service"), say)) {
            PostgresServer postgres = platform.postgres();
            String database = postgres.jdbcUrl(PlatformOptions.SERVICE_DATABASES.get("alliance-service"));
            QueryPlans plans = QueryPlans.prepare(postgres.jdbcUrl("postgres"), work.resolve("logs/postgresql"));
            postgres.stop();
            postgres.start();
            platform.crashAndRestart("alliance-service", Duration.ofSeconds(120));
            plans.install(database);

            say.accept(String.format("Generating %,d clients, %,d sessions, %,d responses into alliance-service's database",
                    sizes.clients(), sizes.sessions(), sizes.responses()));
            long generating = System.nanoTime();
            CaseloadData.Generated data = CaseloadData.generate(database, sizes, say);
            say.accept(String.format("Generated in %.0f s:", (System.nanoTime() - generating) / 1e9));
            data.tableSizes().forEach((table, size) -> say.accept("  " + table + ": " + size));

            String url = platform.serviceUrl("alliance-service");
            URI caseload = URI.create(url + "/api/v1/alliance/caseload");
            List<Caller> caseManagers = new ArrayList<>();
            for (CaseloadData.Measured m : data.caseManagers()) {
                String name = "cm-" + m.userId().substring(0, 8);
                DemoUser user = new DemoUser(name, m.userId(), "Case Manager " + name, name + "@bench.example",
                        List.of("case-manager"), m.organisationId(), List.of(m.teamId()));
                caseManagers.add(new Caller(name, platform.issuer().tokenFor(user), caseload));
            }
            List<Caller> teamLeads = new ArrayList<>();
            for (CaseloadData.Measured team : data.teams()) {
                String id = "lead-of-" + team.teamId();
                DemoUser lead = new DemoUser(id, id, "Lead of " + team.teamId(), id + "@bench.example", List.of("team-lead"),
                        team.organisationId(), List.of(team.teamId()));
                teamLeads.add(new Caller(id, platform.issuer().tokenFor(lead), caseload));
            }
            Caller first = caseManagers.get(0);
            List<Caller> floor = List.of(new Caller("liveness", null,
                    URI.create(platform.managementUrl("alliance-service") + "/q/health/live")),
                    new Caller("measures", first.token(), URI.create(url + "/api/v1/alliance/measures")));
            new CaseloadBenchmark().run(caseManagers, teamLeads, floor, repeats, plans, database, work, say);
        }
        say.accept(String.format("Done in %.0f s", (System.nanoTime() - started) / 1e9));
    }

    private void run(List<Caller> caseManagers, List<Caller> teamLeads, List<Caller> floor, int repeats, QueryPlans plans,
                     String database, Path work, Consumer<String> say) throws Exception {
        for (Caller caller : caseManagers) {
            int clients = listed(caller);
            if (clients != 40) {
                throw new IllegalStateException(caller.name() + "'s caseload view lists " + clients + " clients, not 40");
            }
        }
        for (Caller lead : teamLeads) {
            say.accept(lead.name() + "'s view lists " + listed(lead) + " clients");
        }
        sequential(caseManagers, 300); // warm-up: JIT, connection pools, PostgreSQL's caches
        concurrent(caseManagers, THREADS, 50);
        plans.resetStatistics(database);

        List<Phase> oneAtATime = new ArrayList<>();
        List<Phase> fourAtATime = new ArrayList<>();
        List<Phase> teams = new ArrayList<>();
        List<Phase> liveness = new ArrayList<>();
        List<Phase> measures = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            oneAtATime.add(sequential(caseManagers, SEQUENTIAL));
            fourAtATime.add(concurrent(caseManagers, THREADS, PER_THREAD));
            teams.add(sequential(teamLeads, TEAM_LEAD_REQUESTS));
            liveness.add(sequential(floor.subList(0, 1), SEQUENTIAL / 2));
            measures.add(sequential(floor.subList(1, 2), SEQUENTIAL / 2));
            say.accept(String.format("repeat %d: %s | %s | %s | %s | %s", repeat, brief(oneAtATime.get(repeat - 1)),
                    brief(fourAtATime.get(repeat - 1)), brief(teams.get(repeat - 1)), brief(liveness.get(repeat - 1)),
                    brief(measures.get(repeat - 1))));
        }
        List<String> statistics = plans.statistics(database, 8);
        ServiceProfile profile = ServiceProfile.start(work.resolve("tmp/alliance-service").toString(),
                work.resolve("alliance-service.jfr"));
        sequential(caseManagers, 2 * SEQUENTIAL);
        concurrent(caseManagers, THREADS, 2 * PER_THREAD);
        List<String> profiled = profile.stop();
        String explained = plans.explainDuring(() -> {
            listed(caseManagers.get(0));
            listed(caseManagers.get(1));
            listed(teamLeads.get(0));
        });
        Files.writeString(work.resolve("plans.txt"), explained);

        List<String> report = new ArrayList<>();
        report.add("| phase (medians of " + repeats + " repeats) | requests | p50 ms | p95 ms | p99 ms | max ms | requests/s |");
        report.add("|---|---|---|---|---|---|---|");
        report.add(row("case manager, 40 clients, one request at a time (" + caseManagers.size() + " case managers)", oneAtATime));
        report.add(row("case manager, 40 clients, " + THREADS + " at a time", fourAtATime));
        report.add(row("team lead, whole team (" + teamLeads.size() + " teams)", teams));
        report.add(row("for scale: liveness check (no token, no database)", liveness));
        report.add(row("for scale: measure list (token verified, one small query)", measures));
        report.add("");
        report.add("Raw figures per repeat (p50/p95/p99/max ms, requests/s):");
        for (int i = 0; i < repeats; i++) {
            report.add(String.format("- repeat %d: one at a time %s; %d at a time %s; team lead %s; liveness %s; measures %s",
                    i + 1, brief(oneAtATime.get(i)), THREADS, brief(fourAtATime.get(i)), brief(teams.get(i)),
                    brief(liveness.get(i)), brief(measures.get(i))));
        }
        double p99 = Report.median(oneAtATime.stream().map(p -> p.latencies().percentileMillis(99)).toList());
        report.add("");
        report.add("Service JVM options: " + System.getProperty("rapport.stack.service-jvm-options", "the local run's"));
        report.add(String.format("Target p99 ≤ %.0f ms, one request at a time: %.1f ms, %s.", TARGET_P99_MS, p99,
                p99 <= TARGET_P99_MS ? "met" : String.format("missed by %.1f ms", p99 - TARGET_P99_MS)));
        report.add("");
        report.add("PostgreSQL, during the repeats (pg_stat_statements, per statement):");
        report.addAll(statistics);
        report.add("");
        report.add("Plans (auto_explain, EXPLAIN ANALYZE with BUFFERS) of three requests: " + work.resolve("plans.txt"));
        report.add("");
        report.add("alliance-service while answering case managers (Java Flight Recorder, " + work.resolve("alliance-service.jfr") + "):");
        report.addAll(profiled);
        Files.write(work.resolve("results.md"), report);
        System.out.println();
        report.forEach(System.out::println);
    }

    /** Requests one after another, round-robin over the callers. */
    private Phase sequential(List<Caller> callers, int requests) throws Exception {
        List<Long> nanos = new ArrayList<>(requests);
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            nanos.add(timed(callers.get(i % callers.size())));
        }
        return new Phase(Latencies.of(nanos), requests / ((System.nanoTime() - started) / 1e9));
    }

    /** {@code threads} callers at once, each sending its requests one after another. */
    private Phase concurrent(List<Caller> callers, int threads, int perThread) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        nanos.add(timed(callers.get((offset + i * threads) % callers.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return new Phase(Latencies.of(nanos), nanos.size() / ((System.nanoTime() - started) / 1e9));
        } finally {
            pool.shutdownNow();
        }
    }

    private long timed(Caller caller) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request(caller), HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(caller.name() + " got " + response.statusCode() + ": " + new String(response.body()));
        }
        return elapsed;
    }

    /** How many clients the caller's view lists (outside the measured phases: reading the JSON costs time). */
    private int listed(Caller caller) throws Exception {
        HttpResponse<String> response = http.send(request(caller), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(caller.name() + " got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("clients").size();
    }

    private HttpRequest request(Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(caller.uri()).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        return request.build();
    }

    private static String brief(Phase phase) {
        Latencies l = phase.latencies();
        return String.format("%.1f/%.1f/%.1f/%.1f, %.0f/s", l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99),
                l.percentileMillis(100), phase.perSecond());
    }

    private static String row(String name, List<Phase> repeats) {
        return String.format("| %s | %d × %d | %.1f | %.1f | %.1f | %.1f | %.0f |", name, repeats.size(),
                repeats.get(0).latencies().count(), median(repeats, 50), median(repeats, 95), median(repeats, 99),
                median(repeats, 100), Report.median(repeats.stream().map(Phase::perSecond).toList()));
    }

    private static double median(List<Phase> repeats, double percentile) {
        return Report.median(repeats.stream().map(p -> p.latencies().percentileMillis(percentile)).toList());
    }
}
