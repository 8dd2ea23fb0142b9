package app.rapport.notifications.webhooks;

import app.rapport.contract.CareTeamRole;
import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.domain.WebhookAttempt;
import app.rapport.notifications.domain.WebhookDelivery;
import app.rapport.notifications.domain.WebhookSubscription;
import app.rapport.notifications.routing.Relevance;
import app.rapport.notifications.routing.RoutingTable;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An organisation's webhook subscriptions, their delivery log, replay and secret rotation. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Duration MAX_OVERLAP = Duration.ofDays(7);

    @Inject
    RoutingTable routing;

    @Inject
    NotificationsConfig config;

    /** The event types a firm's system can receive: those the routing table lets reach solicitors. */
    public List<String> receivableTypes() {
        return routing.rules().values().stream()
                .filter(r -> r.relevanceFor(CareTeamRole.SOLICITOR) != Relevance.NONE)
                .map(r -> r.eventType()).toList();
    }

    @Transactional
    public WebhookSubscription create(String organisationId, String createdBy, String url, List<String> eventTypes) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UrlPolicy.refusal(url, config.webhooks().allowHttpLoopback()).ifPresent(r -> errors.add(new Problem.FieldError("url", r)));
        Set<String> types = new LinkedHashSet<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new Problem.FieldError("eventTypes", "must name at least one event type"));
        } else {
            List<String> receivable = receivableTypes();
            for (int i = 0; i < eventTypes.size(); i++) {
                if (!receivable.contains(eventTypes.get(i))) {
                    errors.add(new Problem.FieldError("eventTypes[" + i + "]",
                            "is not an event a firm's system can receive (one of " + String.join(", ", receivable) + ")"));
                } else {
                    types.add(eventTypes.get(i));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors));
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.organisationId = organisationId;
        subscription.url = url;
        subscription.eventTypes = String.join(" ", types);
        subscription.secret = WebhookSignature.newSecret();
        subscription.createdBy = createdBy;
        subscription.createdAt = Instant.now();
        subscription.persist();
        return subscription;
    }

    public List<WebhookSubscription> list(String organisationId) {
        return WebhookSubscription.list("organisationId", Sort.ascending("createdAt"), organisationId);
    }

    /** Another organisation's subscription is not found. */
    public WebhookSubscription own(String organisationId, UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(s -> s.organisationId.equals(organisationId))
                .orElseThrow(() -> ProblemException.notFound("Webhook subscription " + id));
    }

    @Transactional
    public void delete(String organisationId, UUID id) {
        own(organisationId, id).delete();
    }

    /** A new secret; the old one keeps signing alongside it for {@code overlap}. */
    @Transactional
    public WebhookSubscription rotate(String organisationId, UUID id, String overlap) {
        Duration keepOld = config.webhooks().defaultRotationOverlap();
        if (overlap != null) {
            try {
                keepOld = Duration.parse(overlap);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("overlap", "must be an ISO-8601 duration such as PT24H");
            }
            if (keepOld.isNegative() || keepOld.compareTo(MAX_OVERLAP) > 0) {
                throw ProblemException.invalidField("overlap", "must be between PT0S and P7D");
            }
        }
        WebhookSubscription subscription = own(organisationId, id);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = Instant.now().plus(keepOld);
        subscription.secret = WebhookSignature.newSecret();
        return subscription;
    }

    public List<WebhookDelivery> deliveries(String organisationId, UUID id, String status, int page, int size) {
        own(organisationId, id);
        Sort newest = Sort.descending("createdAt");
        return (status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId", newest, id)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2", newest, id, status))
                .page(Page.of(page, size)).list();
    }

    public List<WebhookAttempt> attempts(UUID deliveryId) {
        return WebhookAttempt.list("deliveryId", Sort.ascending("attemptedAt").and("id"), deliveryId);
    }

    /** Sends a dead (or already delivered) item again, with a fresh retry window. */
    @Transactional
    public WebhookDelivery replay(String organisationId, UUID id, UUID deliveryId) {
        own(organisationId, id);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(d -> d.subscriptionId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        if (!delivery.status.equals(WebhookDelivery.DEAD) && !delivery.status.equals(WebhookDelivery.SUCCEEDED)) {
            throw new ProblemException(Problem.of(409, "not-replayable", "Not replayable",
                    "Only dead or delivered items can be replayed; this one is " + delivery.status.toLowerCase()));
        }
        Instant now = Instant.now();
        delivery.status = WebhookDelivery.PENDING;
        delivery.windowStart = now;
        delivery.nextAttemptAt = now;
        delivery.finishedAt = null;
        return delivery;
    }
}
