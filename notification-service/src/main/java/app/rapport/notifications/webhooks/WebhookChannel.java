package app.rapport.notifications.webhooks;

import app.rapport.contract.EventEnvelope;
import app.rapport.notifications.domain.WebhookSubscription;
import app.rapport.notifications.routing.Messages;
import app.rapport.notifications.routing.RoutingRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Queues an event for an organisation's subscriptions, in the routing transaction. The body says
 * what happened to which client (id and reference), when, and where to look: no payload details.
 */
@ApplicationScoped
public class WebhookChannel {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(EventEnvelope event, RoutingRule rule, String organisationId, String clientReference,
                     Messages.Text text, Instant now) {
        int queued = 0;
        for (WebhookSubscription subscription : WebhookSubscription.<WebhookSubscription>list("organisationId",
                organisationId)) {
            if (!subscription.eventTypeList().contains(event.type())) {
                continue;
            }
            queued += entityManager.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, event_id, client_id, event_type, category, body,
                                                          status, attempts, window_start, next_attempt_at, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?8, ?8)
                            on conflict on constraint webhook_delivery_once do nothing""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, subscription.id)
                    .setParameter(3, event.id())
                    .setParameter(4, event.clientId())
                    .setParameter(5, event.type())
                    .setParameter(6, rule.reveals().wire())
                    .setParameter(7, body(event, clientReference, text))
                    .setParameter(8, now)
                    .executeUpdate();
        }
        return queued;
    }

    private String body(EventEnvelope event, String clientReference, Messages.Text text) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.time().toString());
        ObjectNode data = body.putObject("data");
        data.put("eventId", event.id().toString());
        data.put("clientId", event.subject());
        data.put("clientReference", clientReference);
        data.put("summary", text.title());
        data.put("link", text.link());
        return body.toString();
    }
}
