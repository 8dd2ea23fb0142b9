package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of changes while a fault is played: a case manager registers a client every
 * {@code pause} ms from a background thread. Requests that fail while something is down are counted,
 * not retried; what counts afterwards is what client-service holds.
 */
final class ChangeStream implements AutoCloseable {

    private final DemoUser caseManager;
    private final String familyName;
    private final long pauseMillis;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param familyName shared by every client of the stream, so they can be found again by name */
    ChangeStream(DemoUser caseManager, String familyName, long pauseMillis) {
        this.caseManager = caseManager;
        this.familyName = familyName;
        this.pauseMillis = pauseMillis;
        this.thread = new Thread(this::run, "change-stream-" + familyName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Api api = Api.as(caseManager);
        int n = 0;
        while (running) {
            try {
                Api.Reply reply = api.post("/api/v1/clients", Api.object("givenName", "Streamed" + n++, "familyName", familyName));
                if (reply.status() == 201) {
                    accepted.add(reply.json().path("id").asText());
                } else {
                    failed.incrementAndGet();
                }
            } catch (UncheckedIOException | IllegalStateException down) {
                failed.incrementAndGet();
            }
            TestOrganisation.sleep(java.time.Duration.ofMillis(pauseMillis));
        }
    }

    /** Waits until at least this many registrations were accepted. */
    void awaitAccepted(int count) {
        TestOrganisation.await(() -> accepted.size() >= count, java.time.Duration.ofSeconds(120),
                count + " registrations in the " + familyName + " stream");
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
