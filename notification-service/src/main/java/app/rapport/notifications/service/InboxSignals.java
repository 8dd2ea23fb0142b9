package app.rapport.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Wakes the open live streams of a recipient when something new for them has committed. A wake-up
 * carries no data: the stream reads what is new from the database, so nothing can be lost between a
 * signal and a reconnect.
 */
@ApplicationScoped
public class InboxSignals {

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    public Runnable listen(String recipientId, Runnable onNew) {
        listeners.computeIfAbsent(recipientId, id -> new CopyOnWriteArraySet<>()).add(onNew);
        return () -> listeners.computeIfPresent(recipientId, (id, set) -> {
            set.remove(onNew);
            return set.isEmpty() ? null : set;
        });
    }

    public void wake(String recipientId) {
        Set<Runnable> waiting = listeners.get(recipientId);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    public int openStreams() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
