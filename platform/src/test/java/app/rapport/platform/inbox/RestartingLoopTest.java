package app.rapport.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RestartingLoopTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final RestartingLoop loop = new RestartingLoop("test loop", Duration.ofSeconds(1), Duration.ofSeconds(10),
            pauses::add);

    @Test
    void aFailedRunIsStartedAgainAfterAGrowingPause() {
        AtomicBoolean wanted = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        loop.run(wanted::get, () -> {
            if (runs.incrementAndGet() <= 3) {
                throw new IllegalStateException("commit timed out");
            }
            wanted.set(false); // the fourth run ends normally because the service stops
        });

        assertEquals(4, runs.get());
        assertEquals(3, loop.restarts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
    }

    @Test
    void thePauseIsCappedAndStartsOverAfterASuccessfulRun() {
        assertEquals(Duration.ofSeconds(8), loop.pauseAfter(4));
        assertEquals(Duration.ofSeconds(10), loop.pauseAfter(5));
        assertEquals(Duration.ofSeconds(10), loop.pauseAfter(400));

        AtomicInteger runs = new AtomicInteger();
        loop.run(() -> runs.get() < 4, () -> {
            int run = runs.incrementAndGet();
            if (run == 1 || run == 3) {
                throw new IllegalStateException("failure " + run);
            }
        });
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), pauses, "a run that returned resets the pause");
    }

    @Test
    void aFailureWhileStoppingIsNotRestarted() {
        AtomicBoolean wanted = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        loop.run(wanted::get, () -> {
            runs.incrementAndGet();
            wanted.set(false);
            throw new IllegalStateException("closing");
        });
        assertEquals(1, runs.get());
        assertEquals(0, loop.restarts());
    }

    @Test
    void interruptionEndsTheLoop() {
        AtomicInteger runs = new AtomicInteger();
        loop.run(() -> true, () -> {
            runs.incrementAndGet();
            throw new InterruptedException();
        });
        assertEquals(1, runs.get());
        assertFalse(pauses.iterator().hasNext());
        Thread.interrupted(); // clear the flag the loop restored
    }
}
