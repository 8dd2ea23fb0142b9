package app.rapport.platform.inbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs a long-lived loop again after it failed, with a growing pause, for as long as the service wants it. A consumer
 * whose thread died on one unexpected exception (a commit timing out after a long outage, say) would otherwise stop
 * applying events for good while the service still looked healthy.
 */
final class RestartingLoop {

    /** One run of the loop: returns when asked to stop, throws when it failed. */
    interface Body {
        void run() throws InterruptedException;
    }

    /** How long to pause before a restart. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(RestartingLoop.class);

    private final String name;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Pause pause;
    // Written by the loop's thread only, read by the metrics scrape.
    private volatile int restarts;

    RestartingLoop(String name, Duration firstPause, Duration maxPause, Pause pause) {
        this.name = name;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.pause = pause;
    }

    /** Runs {@code body} until {@code wanted} says stop or the thread is interrupted. */
    void run(BooleanSupplier wanted, Body body) {
        int failuresInARow = 0;
        while (wanted.getAsBoolean()) {
            try {
                body.run();
                failuresInARow = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!wanted.getAsBoolean()) {
                    return;
                }
                Duration wait = pauseAfter(++failuresInARow);
                restarts++;
                LOG.errorf(e, "%s failed; restarting it in %d ms (restart %d)", name, wait.toMillis(), restarts);
                try {
                    pause.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    int restarts() {
        return restarts;
    }

    Duration pauseAfter(int failuresInARow) {
        long millis = firstPause.toMillis() << Math.min(failuresInARow - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
    }
}
