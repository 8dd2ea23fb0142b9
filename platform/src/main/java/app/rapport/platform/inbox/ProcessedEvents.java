package app.rapport.platform.inbox;

import app.rapport.contract.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ledger of event ids a consumer has already acted on. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Claims the event for this consumer in the current transaction.
     *
     * @return false if it was processed before (a redelivery)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
