package app.rapport.platform.inbox;

import app.rapport.contract.EventEnvelope;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Applies an event's effects and records its id in one transaction. */
@ApplicationScoped
@Unremovable
public class IdempotentApplier {

    @Inject
    ProcessedEvents processed;

    /** @return false when the event had been applied already and nothing was done */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean apply(String consumer, EventEnvelope event, List<EventHandler> handlers) {
        if (!processed.claim(consumer, event)) {
            return false;
        }
        for (EventHandler handler : handlers) {
            handler.handle(event);
        }
        return true;
    }
}
