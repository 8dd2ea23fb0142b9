package app.rapport.notifications.service;

import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.domain.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A recipient's live stream: every item delivered to them after a stream position, in order, as it
 * commits. The position is the item's {@code seq}; a client that reconnects with the last position it
 * saw gets everything it missed first, then live items. Items are read from the database on every
 * wake-up (and on a slow safety poll), never handed over in memory, so a missed signal delays an item
 * but never loses it.
 */
@ApplicationScoped
public class InboxStream {

    private static final Logger LOG = Logger.getLogger(InboxStream.class);

    @Inject
    InAppInbox inbox;

    @Inject
    InboxSignals signals;

    @Inject
    NotificationsConfig config;

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "inbox-stream");
        thread.setDaemon(true);
        return thread;
    });

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** The recipient's current stream position: a stream started from it shows only what comes next. */
    public long now(String recipientId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.latestSeq(recipientId));
    }

    public Multi<Notification> follow(String recipientId, long afterSeq) {
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(recipientId, afterSeq, emitter);
            Runnable stopListening = signals.listen(recipientId, follower::wake);
            long poll = config.stream().safetyPoll().toMillis();
            ScheduledFuture<?> safetyNet = executor.scheduleWithFixedDelay(follower::wake, poll, poll, TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                stopListening.run();
                safetyNet.cancel(false);
            });
            follower.wake();
        });
    }

    private final class Follower {
        private final String recipientId;
        private final MultiEmitter<? super Notification> emitter;
        private final AtomicBoolean queued = new AtomicBoolean();
        private long cursor;

        Follower(String recipientId, long afterSeq, MultiEmitter<? super Notification> emitter) {
            this.recipientId = recipientId;
            this.cursor = afterSeq;
            this.emitter = emitter;
        }

        void wake() {
            if (queued.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RuntimeException e) {
                    queued.set(false);
                }
            }
        }

        private synchronized void drain() {
            queued.set(false);
            int batch = config.stream().batch();
            try {
                while (!emitter.isCancelled()) {
                    long from = cursor;
                    List<Notification> fresh = QuarkusTransaction.requiringNew().call(() -> inbox.after(recipientId, from, batch));
                    for (Notification notification : fresh) {
                        emitter.emit(notification);
                        cursor = notification.seq;
                    }
                    if (fresh.size() < batch) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // The safety poll tries again; the cursor has not moved past anything unsent.
                LOG.warnf("Live stream of %s could not read new items: %s", recipientId, e.toString());
            }
        }
    }
}
