package app.rapport.platform.outbox;

import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.platform.config.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's transaction, so the event exists if and
 * only if the change it describes was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    EntityManager entityManager;

    @Inject
    EventsConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(EventType type, UUID clientId, String organisationId, String teamId, Object payload) {
        EventEnvelope envelope = EventCodec.envelope(type, config.source(), clientId, organisationId, teamId, payload);
        entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, message_key, event_type, envelope)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb))""")
                .setParameter(1, envelope.id())
                .setParameter(2, type.topic().topicName())
                .setParameter(3, envelope.subject())
                .setParameter(4, type.typeName())
                .setParameter(5, EventCodec.toJson(envelope))
                .executeUpdate();
        return envelope;
    }
}
