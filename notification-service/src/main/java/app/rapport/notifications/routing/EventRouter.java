package app.rapport.notifications.routing;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.notifications.consent.ClientConsent;
import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.ClientRecord;
import app.rapport.notifications.domain.Recipient;
import app.rapport.notifications.email.EmailChannel;
import app.rapport.notifications.webhooks.WebhookChannel;
import app.rapport.contract.CareTeamRole;
import app.rapport.notifications.service.Delivery;
import app.rapport.notifications.service.InAppInbox;
import app.rapport.notifications.service.RecipientPreferences;
import app.rapport.platform.inbox.EventHandler;
import app.rapport.platform.time.CareDays;
import com.fasterxml.jackson.databind.JsonNode;
import app.rapport.notifications.service.DeliveryMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides who hears about an event and delivers it: the routing table row for its type, then for each
 * active care-circle member with an account: is the event relevant to their role (and, where the
 * table says so, are they named in it); may they see the category it reveals under the client's
 * consent today; which channels do they want for its group. The person who caused the event is not
 * told about it.
 */
@ApplicationScoped
public class EventRouter implements EventHandler {

    private static final Logger LOG = Logger.getLogger(EventRouter.class);

    /** Payload fields that name the professionals an event involves. */
    static final List<String> INVOLVEMENT_FIELDS = List.of("professionalIds", "professionalId", "agreedBy", "userId",
            "practitionerId", "practitionerIds");
    /** Payload fields that name who caused the event. */
    static final List<String> ACTOR_FIELDS = List.of("recordedBy", "scheduledBy", "rescheduledBy", "setBy", "updatedBy",
            "dischargedBy", "registeredBy", "addedBy");

    @Inject
    RoutingTable table;

    @Inject
    ReadModelUpdates readModel;

    @Inject
    ClientConsent consent;

    @Inject
    RecipientPreferences preferences;

    @Inject
    InAppInbox inbox;

    @Inject
    EmailChannel email;

    @Inject
    WebhookChannel webhooks;

    @Inject
    DeliveryMetrics metrics;

    @Override
    public Set<EventType> handles() {
        return Arrays.stream(EventType.values())
                .filter(t -> readModel.handles().contains(t) || routes(t.typeName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean routes(String typeName) {
        return table.rule(typeName).map(RoutingRule::routesToAnyone).orElse(false);
    }

    @Override
    public void handle(EventEnvelope event) {
        EventType.fromTypeName(event.type()).filter(readModel.handles()::contains).ifPresent(t -> readModel.apply(event));
        if (routes(event.type())) {
            route(event, table.rule(event.type()).orElseThrow());
        }
    }

    private void route(EventEnvelope event, RoutingRule rule) {
        // Reading the payload checks it against the contract: a malformed event is dead-lettered, not half-routed.
        EventType.fromTypeName(event.type()).ifPresent(type -> event.dataAs(type.payloadType()));
        UUID clientId = event.clientId();
        String reference = ClientRecord.<ClientRecord>findByIdOptional(clientId).map(c -> c.clientReference)
                .orElse("C-" + clientId.toString().substring(0, 6).toUpperCase());
        Set<String> involved = values(event.data(), INVOLVEMENT_FIELDS);
        Set<String> actors = values(event.data(), ACTOR_FIELDS);
        LocalDate today = CareDays.today();
        int delivered = 0;
        Set<String> firms = new java.util.LinkedHashSet<>();
        Messages.Text plainText = Messages.of(event, reference, null);
        for (CareCircleMember member : CareCircleMember.ofClient(clientId)) {
            if (member.userId == null || !member.activeOn(today)) {
                continue;
            }
            Relevance relevance = rule.relevanceFor(member.role);
            if (relevance == Relevance.NONE || (relevance == Relevance.INVOLVED && !involved.contains(member.userId))) {
                continue;
            }
            if (!consent.allows(clientId, rule.reveals(), member.role, member.memberId)) {
                metrics.withheld(DeliveryMetrics.Withheld.CONSENT);
                continue;
            }
            if (member.role == CareTeamRole.SOLICITOR && member.organisationId != null) {
                // The firm's system hears of it even when the firm's own solicitor caused it.
                firms.add(member.organisationId);
            }
            if (actors.contains(member.userId)) {
                continue;
            }
            RecipientPreferences.Choice choice = preferences.choice(member.userId, rule.group());
            Optional<Recipient> recipient = preferences.recipient(member.userId);
            Messages.Text text = Messages.of(event, reference, recipient.map(r -> r.language).orElse(null));
            Delivery delivery = new Delivery(event.id(), member.userId, clientId, event.type(), text.title(), text.link(),
                    rule.reveals().wire());
            if (choice.inApp() && inbox.deliver(delivery)) {
                delivered++;
            }
            if (choice.email() && recipient.map(r -> r.email != null).orElse(false)) {
                email.queue(delivery, recipient.get(), choice, rule.urgent(), Instant.now());
            }
        }
        // Firms' systems: each firm with a solicitor the event may reach gets it on its subscriptions.
        Instant now = Instant.now();
        for (String firm : firms) {
            webhooks.queue(event, rule, firm, reference, plainText, now);
        }
        LOG.debugf("%s for client %s: %d in-app notifications, %d firms", event.type(), clientId, delivered, firms.size());
    }

    private static Set<String> values(JsonNode data, List<String> fields) {
        Set<String> values = new HashSet<>();
        for (String field : fields) {
            JsonNode node = data.get(field);
            if (node == null) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(n -> values.add(n.asText()));
            } else if (node.isTextual()) {
                values.add(node.asText());
            }
        }
        return values;
    }
}
