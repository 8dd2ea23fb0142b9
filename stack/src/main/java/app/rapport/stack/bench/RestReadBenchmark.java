package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.stack.Platform;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * B1, REST read: {@code GET /api/v1/clients/{id}} (JWT verification, relationship check, audit write) at
 * its maximum closed-loop throughput, beside {@code pgbench -S} on the same PostgreSQL in the same run,
 * alternating level by level and repeated; then an open-loop run at 70 % of that maximum.
 *
 * <pre>java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.RestReadBenchmark</pre>
 */
public final class RestReadBenchmark {

    private static final int CLIENTS_PER_CASE_MANAGER = 500;
    private static final List<Integer> CONCURRENCY = List.of(4, 16, 64);
    private static final int ROUNDS = 3;
    private static final int SECONDS_PER_STEP = 7;
    private static final int PGBENCH_SCALE = 5;
    private static final double OPEN_LOOP_SHARE = 0.7;
    private static final Duration OPEN_LOOP = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    private static final String SERVICE = "client-service";

    /** One closed-loop or pgbench run: throughput, p99 (NaN for pgbench) and CPU per operation. */
    private record Step(double perSecond, double p99, CpuTime.Split cpu) {
    }

    /** A client and the token of a case manager who may read it. */
    private record Target(String path, String token) {
    }

    private final Platform platform;
    private final HttpLoad load;
    private final List<Target> targets;

    private RestReadBenchmark(Platform platform, HttpLoad load, List<Target> targets) {
        this.platform = platform;
        this.load = load;
        this.targets = targets;
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = BenchPlatform.vertx();
        try (Platform platform = BenchPlatform.start("b1-rest-read");
             Caseloads caseloads = new Caseloads(platform);
             HttpLoad load = new HttpLoad(vertx, platform.serviceUrl(SERVICE), 64);
             PeakFootprint footprint = PeakFootprint.start(platform)) {
            List<Target> targets = new ArrayList<>();
            for (DemoUser caseManager : List.of(DemoUsers.ALICE, DemoUsers.BILAL)) {
                String token = platform.issuer().tokenFor(caseManager);
                caseloads.register(caseManager, CLIENTS_PER_CASE_MANAGER, "Reader", List.of())
                        .forEach(id -> targets.add(new Target("/api/v1/clients/" + id, token)));
            }
            Report.say("Registered " + targets.size() + " clients of alice and bilal");
            new RestReadBenchmark(platform, load, targets).run();
            Report.say("Peak memory during the run:");
            Report.table(PeakFootprint.HEADERS, footprint.rows());
        } finally {
            vertx.close();
        }
    }

    private void run() throws Exception {
        Optional<Pgbench> pgbench = Pgbench.find(platform.postgres());
        if (pgbench.isPresent()) {
            Report.say("pgbench: " + pgbench.get().executable() + ", initialising scale " + PGBENCH_SCALE);
            pgbench.get().initialise(PGBENCH_SCALE);
        } else {
            Report.say("pgbench not found on the PATH nor at /usr/lib/postgresql/15/bin: the ratio to pgbench is skipped");
        }
        Optional<PgStatements> statements = PgStatements.enableIfProfiling(platform);
        Report.say("Warm-up: " + WARM_UP.toSeconds() + " s closed loop, 16 users");
        load.closedLoop(16, WARM_UP, user -> randomReads());
        if (statements.isPresent()) {
            statements.get().reset();
        }

        Optional<Profiler> profiler = Profiler.startIfWanted(platform, SERVICE);
        double gcBefore = GcPauses.seconds(platform.managementUrl(SERVICE));
        long gets = 0;
        long transactions = 0;
        Map<Integer, List<Step>> rest = new LinkedHashMap<>();
        Map<Integer, List<Step>> database = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (int users : CONCURRENCY) {
                if (pgbench.isPresent()) {
                    String loadAverage = Report.loadAverage();
                    CpuTime.Split before = CpuTime.Split.now(platform);
                    Pgbench.Run run = pgbench.get().selectOnly(users, SECONDS_PER_STEP);
                    Thread.sleep(500); // lets PostgreSQL reap pgbench's backends, so their CPU time is counted
                    transactions += run.transactions();
                    Step step = new Step(run.tps(), Double.NaN,
                            CpuTime.Split.now(platform).since(before).perOperation(run.transactions()));
                    database.computeIfAbsent(users, u -> new ArrayList<>()).add(step);
                    Report.say(String.format("round %d, %2d connections: pgbench -S %.0f tps; CPU ms per transaction: "
                            + "PostgreSQL %.3f, pgbench %.3f (load %s)", round, users, run.tps(), step.cpu().of(Footprint.POSTGRES),
                            step.cpu().of(CpuTime.CHILDREN), loadAverage));
                }
                String loadAverage = Report.loadAverage();
                CpuTime.Split before = CpuTime.Split.now(platform);
                HttpLoad.Outcome outcome = load.closedLoop(users, Duration.ofSeconds(SECONDS_PER_STEP), user -> randomReads());
                Step step = new Step(outcome.perSecond(), outcome.latencies().percentileMillis(99),
                        CpuTime.Split.now(platform).since(before).perOperation(outcome.succeeded()));
                rest.computeIfAbsent(users, u -> new ArrayList<>()).add(step);
                gets += outcome.succeeded();
                Report.say(String.format("round %d, %2d users:       GET client %.0f/s, %s, answers %s; CPU ms per GET: "
                                + "client-service %.2f, PostgreSQL %.2f, load generator %.2f (load %s)", round, users,
                        outcome.perSecond(), outcome.latencies().summary(), outcome.statuses(), step.cpu().of(SERVICE),
                        step.cpu().of(Footprint.POSTGRES), step.cpu().of(CpuTime.GENERATOR), loadAverage));
            }
        }

        double gcPerGet = (GcPauses.seconds(platform.managementUrl(SERVICE)) - gcBefore) * 1000 / gets;
        Report.say(String.format("client-service spent %.3f ms in garbage-collection pauses per GET (JVM options: %s)",
                gcPerGet, System.getProperty("rapport.stack.service-jvm-options", "the defaults")));
        if (profiler.isPresent()) {
            profiler.get().stopAndSummarise();
        }
        if (statements.isPresent()) {
            statements.get().print("clients", gets, 12);
            statements.get().print(Pgbench.DATABASE, Math.max(1, transactions), 5);
        }
        List<List<String>> rows = new ArrayList<>();
        double bestRest = 0;
        double bestDatabase = 0;
        for (int users : CONCURRENCY) {
            List<Step> restSteps = rest.get(users);
            List<Step> databaseSteps = database.getOrDefault(users, List.of());
            double restMedian = median(restSteps, Step::perSecond);
            double databaseMedian = median(databaseSteps, Step::perSecond);
            double restCpu = median(restSteps, s -> s.cpu().of(SERVICE) + s.cpu().of(Footprint.POSTGRES)
                    + s.cpu().of(CpuTime.GENERATOR));
            double databaseCpu = median(databaseSteps, s -> s.cpu().of(Footprint.POSTGRES) + s.cpu().of(CpuTime.CHILDREN));
            bestRest = Math.max(bestRest, restMedian);
            bestDatabase = Math.max(bestDatabase, databaseSteps.isEmpty() ? 0 : databaseMedian);
            rows.add(List.of(Integer.toString(users), Report.number(databaseMedian), Report.number(restMedian),
                    String.format("%.3f", restMedian / databaseMedian), Report.number(median(restSteps, Step::p99)),
                    String.format("%.2f (%.2f + %.2f + %.2f)", restCpu, median(restSteps, s -> s.cpu().of(SERVICE)),
                            median(restSteps, s -> s.cpu().of(Footprint.POSTGRES)),
                            median(restSteps, s -> s.cpu().of(CpuTime.GENERATOR))),
                    String.format("%.3f", databaseCpu), String.format("%.3f", databaseCpu / restCpu)));
        }
        Report.say("Medians of " + ROUNDS + " rounds, " + SECONDS_PER_STEP + " s each:");
        Report.table(List.of("connections / users", "pgbench -S tps", "GET client /s", "ratio", "GET p99 ms",
                "CPU ms per GET (client-service + PostgreSQL + generator)", "CPU ms per pgbench tx (PostgreSQL + pgbench)",
                "CPU cost ratio"), rows);
        if (pgbench.isPresent()) {
            Report.say(String.format("Maximum: GET client %.0f/s vs pgbench -S %.0f tps: ratio %.3f (target >= 0.5)",
                    bestRest, bestDatabase, bestRest / bestDatabase));
        }

        double rate = OPEN_LOOP_SHARE * bestRest;
        String loadAverage = Report.loadAverage();
        HttpLoad.Outcome open = load.openLoop(rate, OPEN_LOOP, due -> randomRead());
        Report.say(String.format("Open loop at %.0f/s (70 %% of %.0f) for %d s: %d answered, %s, answers %s (load %s)",
                rate, bestRest, OPEN_LOOP.toSeconds(), open.succeeded(), open.latencies().summary(), open.statuses(),
                loadAverage));
        Report.say(String.format("p99 %.1f ms (target < 25 ms)", open.latencies().percentileMillis(99)));
        Report.say("Audit entries written in client-service: " + auditEntries());
    }

    private static double median(List<Step> steps, java.util.function.ToDoubleFunction<Step> value) {
        return steps.isEmpty() ? Double.NaN : Report.median(steps.stream().map(value::applyAsDouble).toList());
    }

    private Supplier<HttpLoad.Request> randomReads() {
        return this::randomRead;
    }

    private HttpLoad.Request randomRead() {
        Target target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
        return HttpLoad.Request.get(target.path(), target.token());
    }

    private long auditEntries() throws SQLException {
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl("clients"), "postgres", "postgres");
             ResultSet count = connection.createStatement().executeQuery("select count(*) from audit_entry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
