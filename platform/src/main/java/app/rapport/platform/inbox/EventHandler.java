package app.rapport.platform.inbox;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;

import java.util.Set;

/**
 * Acts on consumed events. Implementations are CDI beans; {@link #handle} runs inside the transaction
 * that records the event as processed, so its effect happens exactly once.
 */
public interface EventHandler {

    Set<EventType> handles();

    /**
     * @throws app.rapport.contract.MalformedEventException when the event can never be processed
     *         (it is dead-lettered); any other exception is retried
     */
    void handle(EventEnvelope event);
}
