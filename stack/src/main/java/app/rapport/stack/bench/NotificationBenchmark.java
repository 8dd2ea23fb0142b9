package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.stack.DemoData;
import app.rapport.stack.Platform;
import app.rapport.stack.PlatformOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end notification latency and fan-out, from a state change in client-service to the
 * recipients' inboxes in notification-service, through the outbox, the real broker and the
 * consumer: the whole platform as separate processes, as in the local run. Side by side in one run:
 * one recipient vs four, and one change at a time vs a burst.
 *
 * <pre>./mvnw -DskipTests package &amp;&amp; java -cp "stack/target/rapport-stack.jar:stack/target/lib/*" app.rapport.stack.bench.NotificationBenchmark</pre>
 */
public final class NotificationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SINGLE_CHANGES = 30;
    private static final int BURST = 100;
    private static final List<DemoUser> CIRCLE = List.of(DemoUsers.THEO, DemoUsers.NADIA, DemoUsers.SAM, DemoUsers.KWAME);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Platform platform;

    private NotificationBenchmark(Platform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("rapport.root", "")).toAbsolutePath().normalize();
        try (Platform platform = Platform.start(PlatformOptions.freePorts(repository.resolve("target/bench"), repository))) {
            new DemoData(platform.issuer(), platform.serviceUrl("client-service")).load(); // directory, and a warm-up
            new NotificationBenchmark(platform).run();
        }
    }

    private void run() throws Exception {
        List<Long> oneRecipient = new ArrayList<>();
        List<Long> fourRecipients = new ArrayList<>();
        for (int i = 0; i < SINGLE_CHANGES; i++) {
            String client = register("Latency" + i);
            long started = System.nanoTime();
            post(DemoUsers.ALICE, "/api/v1/clients/" + client + "/care-circle",
                    Map.of("role", "therapist", "userId", DemoUsers.THEO.userId()));
            awaitInboxes(List.of(DemoUsers.THEO), Set.of(client), "rapport.careteam.member-joined.v1");
            oneRecipient.add(System.nanoTime() - started);

            for (DemoUser member : CIRCLE.subList(1, CIRCLE.size())) {
                post(DemoUsers.ALICE, "/api/v1/clients/" + client + "/care-circle",
                        Map.of("role", member.roles().get(0), "userId", member.userId()));
            }
            Thread.sleep(300); // let the joins settle so they do not queue ahead of the discharge
            started = System.nanoTime();
            post(DemoUsers.ALICE, "/api/v1/clients/" + client + "/discharge", Map.of("ending", "planned"));
            awaitInboxes(CIRCLE, Set.of(client), "rapport.client.discharged.v1");
            fourRecipients.add(System.nanoTime() - started);
        }

        // A burst: many case managers' changes at once, each telling one therapist.
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            clients.add(register("Burst" + i));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long burstStarted = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (String client : clients) {
            sent.add(senders.submit(() -> post(DemoUsers.ALICE, "/api/v1/clients/" + client + "/care-circle",
                    Map.of("role", "therapist", "userId", DemoUsers.THEO.userId()))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        long accepted = System.nanoTime() - burstStarted;
        awaitInboxes(List.of(DemoUsers.THEO), new HashSet<>(clients), "rapport.careteam.member-joined.v1");
        long delivered = System.nanoTime() - burstStarted;
        senders.shutdown();

        System.out.println();
        System.out.println("| measure | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|---|---|");
        System.out.println(row("state change -> 1 recipient's inbox (" + SINGLE_CHANGES + " changes, one at a time)", oneRecipient));
        System.out.println(row("state change -> 4 recipients' inboxes (" + SINGLE_CHANGES + " changes, one at a time)", fourRecipients));
        System.out.printf("%nBurst of %d changes from 8 threads: accepted by client-service in %.0f ms, all %d notifications in the inbox after %.0f ms: %.1f changes/s end to end.%n",
                BURST, accepted / 1e6, BURST, delivered / 1e6, BURST / (delivered / 1e9));
        System.out.printf("Ratios: 4 recipients / 1 recipient (p50) = %.2f; burst per-change time / single-change p50 = %.2f%n",
                Latencies.of(fourRecipients).percentileMillis(50) / Latencies.of(oneRecipient).percentileMillis(50),
                (delivered / 1e6 / BURST) / Latencies.of(oneRecipient).percentileMillis(50));
    }

    private String register(String givenName) throws Exception {
        return post(DemoUsers.ALICE, "/api/v1/clients", Map.of("givenName", givenName, "familyName", "Bench")).path("id").asText();
    }

    /** Polls each user's inbox every 5 ms until it holds a notification of {@code eventType} for every client. */
    private void awaitInboxes(List<DemoUser> users, Set<String> clients, String eventType) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (DemoUser user : users) {
            Set<String> missing = new HashSet<>(clients);
            while (!missing.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(user.username() + " still misses " + missing.size() + " notifications");
                }
                for (int page = 0; page * 100 < clients.size() + 100 && !missing.isEmpty(); page++) {
                    JsonNode inbox = get(user, "/api/v1/notifications/inbox?size=100&page=" + page);
                    for (JsonNode item : inbox.path("items")) {
                        if (eventType.equals(item.path("eventType").asText())) {
                            missing.remove(item.path("clientId").asText());
                        }
                    }
                    if (inbox.path("items").size() < 100) {
                        break;
                    }
                }
                if (!missing.isEmpty()) {
                    Thread.sleep(5);
                }
            }
        }
    }

    private JsonNode post(DemoUser user, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.serviceUrl("client-service") + path))
                .header("Authorization", "Bearer " + platform.issuer().tokenFor(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode get(DemoUser user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.serviceUrl("notification-service") + path))
                .header("Authorization", "Bearer " + platform.issuer().tokenFor(user)).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String row(String name, List<Long> nanos) {
        Latencies latencies = Latencies.of(nanos);
        return String.format("| %s | %.0f | %.0f | %.0f |", name, latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(100));
    }
}
