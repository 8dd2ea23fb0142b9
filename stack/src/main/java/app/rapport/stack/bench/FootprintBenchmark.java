package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.stack.Platform;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B4, footprint: how long each service takes from launching its JVM to answering ready (all four
 * starting together on the shared cores, then each restarted alone while the rest run), next to
 * Quarkus' own "started in"; then the memory of every process of the local platform under a mixed
 * load: client reads, session cancellations and feedback answers, with live streams open.
 * {@code -Drapport.stack.service-jvm-options="..."} runs the services with other JVM settings.
 *
 * <pre>java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.FootprintBenchmark</pre>
 */
public final class FootprintBenchmark {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final int RESTART_ROUNDS = 3;
    private static final Duration LOAD = Duration.ofSeconds(45);
    private static final int CLIENTS = 40;
    private static final int LINKS_PER_CLIENT = 25;
    private static final double CANCELLATIONS_PER_SECOND = 20;
    private static final double ANSWERS_PER_SECOND = 20;

    private final Platform platform;

    private FootprintBenchmark(Platform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        if (Profiler.wanted()) {
            System.setProperty("rapport.stack.service-jvm-options", Profiler.recordingFromLaunch());
        }
        Report.say("Service JVM options: " + System.getProperty("rapport.stack.service-jvm-options", "(the defaults)"));
        Vertx vertx = BenchPlatform.vertx();
        try (Platform platform = BenchPlatform.start("b4-footprint")) {
            FootprintBenchmark benchmark = new FootprintBenchmark(platform);
            benchmark.startUpTimes();
            benchmark.underLoad(vertx);
        } finally {
            vertx.close();
        }
    }

    private void startUpTimes() throws Exception {
        Map<String, List<Double>> alone = new LinkedHashMap<>();
        Map<String, List<Double>> quarkusAlone = new LinkedHashMap<>();
        Map<String, List<Double>> cpuAlone = new LinkedHashMap<>();
        Map<String, String> together = new LinkedHashMap<>();
        for (String service : platform.serviceNames()) {
            together.put(service, String.format("%.2f (Quarkus %s)", seconds(platform.serviceReadyAfterLaunch(service)),
                    quarkusStartedIn(service)));
        }
        for (int round = 1; round <= RESTART_ROUNDS; round++) {
            for (String service : platform.serviceNames()) {
                String loadAverage = Report.loadAverage();
                platform.crashAndRestart(service, Duration.ofMinutes(2));
                double cpu = CpuTime.ofProcess(platform.servicePid(service));
                double ready = seconds(platform.serviceReadyAfterLaunch(service));
                cpuAlone.computeIfAbsent(service, s -> new ArrayList<>()).add(cpu);
                alone.computeIfAbsent(service, s -> new ArrayList<>()).add(ready);
                quarkusAlone.computeIfAbsent(service, s -> new ArrayList<>()).add(Double.parseDouble(quarkusStartedIn(service)));
                Report.say(String.format("round %d: %s ready %.2f s after launch, having used %.2f s of CPU (Quarkus: "
                        + "started in %s s; load %s)", round, service, ready, cpu, quarkusStartedIn(service), loadAverage));
            }
        }
        if (Profiler.wanted()) {
            for (String service : platform.serviceNames()) {
                Profiler.dumpStartUp(platform, service); // the last restart, alone
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String service : platform.serviceNames()) {
            rows.add(List.of(service, together.get(service), Report.number(Report.median(alone.get(service))),
                    Report.number(Report.median(quarkusAlone.get(service))), Report.number(Report.median(cpuAlone.get(service))),
                    alone.get(service).toString()));
        }
        Report.say("Launch of the JVM -> /q/health/ready answers 200, in seconds (target <= 3 s):");
        Report.table(List.of("service", "all four at once", "alone, median", "Quarkus \"started in\", alone, median",
                "CPU s used until ready, alone, median", "alone, each round"), rows);
    }

    private void underLoad(Vertx vertx) throws Exception {
        try (Caseloads caseloads = new Caseloads(platform)) {
            List<String> clients = caseloads.register(DemoUsers.ALICE, CLIENTS, "Footprint", List.of(DemoUsers.THEO));
            caseloads.awaitKnown("session-service", DemoUsers.THEO, clients, id -> "/api/v1/sessions/clients/" + id);
            caseloads.awaitKnown("alliance-service", DemoUsers.THEO, clients, id -> "/api/v1/alliance/clients/" + id + "/episodes");
            Iterator<String> sessions = BookedSessions.book(caseloads, DemoUsers.ALICE, DemoUsers.THEO, clients.subList(0, 10))
                    .iterator();
            Iterator<String> links = links(caseloads, clients).iterator();
            caseloads.awaitInboxQuiet(DemoUsers.THEO, Duration.ofSeconds(3));
            List<List<String>> idle = new ArrayList<>();
            Footprint.of(platform).forEach((part, memory) -> idle.add(List.of(part, Long.toString(memory.rssKb() / 1024),
                    Long.toString(memory.pssKb() / 1024))));
            Report.say("Memory when idle, after setting up:");
            Report.table(List.of("process", "RSS MB", "PSS MB"), idle);

            String alice = platform.issuer().tokenFor(DemoUsers.ALICE);
            String notifications = platform.serviceUrl("notification-service");
            ExecutorService loads = Executors.newFixedThreadPool(3);
            try (PeakFootprint footprint = PeakFootprint.start(platform);
                 HttpLoad reads = new HttpLoad(vertx, platform.serviceUrl("client-service"), 8);
                 HttpLoad cancellations = new HttpLoad(vertx, platform.serviceUrl("session-service"), 8);
                 HttpLoad answers = new HttpLoad(vertx, platform.serviceUrl("alliance-service"), 8);
                 InboxStreamReader aliceStream = InboxStreamReader.open(vertx, notifications, alice, arrival -> { });
                 InboxStreamReader theoStream = InboxStreamReader.open(vertx, notifications,
                         platform.issuer().tokenFor(DemoUsers.THEO), arrival -> { })) {
                String loadAverage = Report.loadAverage();
                List<Future<HttpLoad.Outcome>> running = List.of(
                        loads.submit(() -> reads.closedLoop(8, LOAD, user -> () -> HttpLoad.Request.get(
                                "/api/v1/clients/" + clients.get(ThreadLocalRandom.current().nextInt(clients.size())), alice))),
                        loads.submit(() -> cancellations.openLoop(CANCELLATIONS_PER_SECOND, LOAD, due -> HttpLoad.Request.post(
                                "/api/v1/sessions/" + sessions.next() + "/cancellation", alice,
                                "{\"by\":\"professional\",\"reason\":\"practitioner-unwell\"}"))),
                        loads.submit(() -> answers.openLoop(ANSWERS_PER_SECOND, LOAD, due -> HttpLoad.Request.post(
                                "/api/v1/feedback/" + links.next(), null,
                                "{\"answers\":{\"bond\":9,\"goals\":8,\"approach\":9,\"overall\":9}}"))));
                List<String> names = List.of("client reads (8 users, closed loop)", "session cancellations", "feedback answers");
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < running.size(); i++) {
                    HttpLoad.Outcome outcome = running.get(i).get();
                    rows.add(List.of(names.get(i), Report.number(outcome.perSecond()), outcome.statuses().toString(),
                            outcome.latencies().summary()));
                }
                Report.say("Mixed load for " + LOAD.toSeconds() + " s (load average at the start " + loadAverage + "):");
                Report.table(List.of("load", "per second", "answers", "latency"), rows);
                Report.say("Peak memory under that load (targets: each service <= 300 MB RSS, whole platform <= 2.5 GB):");
                Report.table(PeakFootprint.HEADERS, footprint.rows());
            } finally {
                loads.shutdownNow();
            }
        }
    }

    /** Links for the clients' pairs with theo, made by alice, in a random order of clients. */
    private List<String> links(Caseloads caseloads, List<String> clients) throws Exception {
        var alliance = caseloads.api("alliance-service");
        List<java.util.concurrent.Callable<String>> creations = new ArrayList<>();
        for (int i = 0; i < LINKS_PER_CLIENT; i++) {
            for (String client : clients) {
                creations.add(() -> alliance.post(DemoUsers.ALICE, "/api/v1/alliance/clients/" + client + "/feedback-links",
                        Map.of("professionalId", DemoUsers.THEO.userId())).path("token").asText());
            }
        }
        return caseloads.all(creations);
    }

    private String quarkusStartedIn(String service) throws IOException {
        String log = new String(Files.readAllBytes(platform.logFile(service)), StandardCharsets.UTF_8);
        Matcher matcher = STARTED_IN.matcher(log);
        String last = "NaN";
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
