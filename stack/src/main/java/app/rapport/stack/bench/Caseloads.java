package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.DemoApi;
import app.rapport.stack.Platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Builds the benchmarks' data through the public API, as case managers would, several requests at a
 * time: clients with care circles, then waits until the other services have learnt of them from events.
 */
final class Caseloads implements AutoCloseable {

    private static final int PARALLEL = 8;

    private final Platform platform;
    private final ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);

    Caseloads(Platform platform) {
        this.platform = platform;
    }

    DemoApi api(String service) {
        return new DemoApi(platform.issuer(), platform.serviceUrl(service));
    }

    /** Registers {@code count} clients of the case manager, each with {@code professionals} in the care circle. */
    List<String> register(DemoUser caseManager, int count, String familyName, List<DemoUser> professionals) throws Exception {
        DemoApi clients = api("client-service");
        List<Callable<String>> registrations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String givenName = "Bench" + i;
            registrations.add(() -> {
                String id = clients.post(caseManager, "/api/v1/clients",
                        Map.of("givenName", givenName, "familyName", familyName)).path("id").asText();
                for (DemoUser professional : professionals) {
                    clients.post(caseManager, "/api/v1/clients/" + id + "/care-circle",
                            Map.of("role", professional.roles().get(0), "userId", professional.userId()));
                }
                return id;
            });
        }
        return all(registrations);
    }

    /** Polls {@code path(client)} on the service as {@code user} until every client answers 200. */
    void awaitKnown(String service, DemoUser user, List<String> clientIds, Function<String, String> path) throws Exception {
        DemoApi api = api(service);
        long deadline = System.nanoTime() + 180_000_000_000L;
        List<Callable<String>> waits = new ArrayList<>();
        for (String clientId : clientIds) {
            waits.add(() -> {
                while (api.status(user, path.apply(clientId)) != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException(service + " has not learnt of client " + clientId + " within 3 minutes");
                    }
                    Thread.sleep(100);
                }
                return clientId;
            });
        }
        all(waits);
    }

    /** How many notifications the user's inbox holds. */
    long inboxTotal(DemoUser user) throws IOException, InterruptedException {
        return api("notification-service").get(user, "/api/v1/notifications/inbox?size=1").path("total").asLong();
    }

    /** Waits until the user's inbox holds at least {@code total} notifications; returns how long that took. */
    Duration awaitInbox(DemoUser user, long total, Duration limit) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        long now;
        while ((now = inboxTotal(user)) < total) {
            if (System.nanoTime() > deadline) {
                throw new IOException(user.username() + "'s inbox holds " + now + " of " + total + " notifications after " + limit);
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Waits until the user's inbox has not changed for {@code quiet}: earlier events have all been routed. */
    long awaitInboxQuiet(DemoUser user, Duration quiet) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long total = inboxTotal(user);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < quiet.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = inboxTotal(user);
            if (now != total) {
                total = now;
                stableSince = System.nanoTime();
            }
        }
        return total;
    }

    /** Runs the calls {@value #PARALLEL} at a time and returns their results in order. */
    <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = workers.invokeAll(calls);
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return results;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
