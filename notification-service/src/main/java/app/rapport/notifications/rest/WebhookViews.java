package app.rapport.notifications.rest;

import app.rapport.notifications.domain.WebhookAttempt;
import app.rapport.notifications.domain.WebhookDelivery;
import app.rapport.notifications.domain.WebhookSubscription;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the webhook API. */
public final class WebhookViews {

    private WebhookViews() {
    }

    public record NewSubscription(String url, List<String> eventTypes) {
    }

    public record Rotation(String overlap) {
    }

    /** {@code secret} is shown only when it is created (new subscription, rotation). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(UUID id, String url, List<String> eventTypes, Instant createdAt, String secret,
                               Instant previousSecretValidUntil) {

        static Subscription of(WebhookSubscription s, boolean withSecret) {
            return new Subscription(s.id, s.url, s.eventTypeList(), s.createdAt, withSecret ? s.secret : null,
                    s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now()) ? s.previousSecretUntil : null);
        }
    }

    public record Attempt(Instant at, Integer statusCode, String error, int durationMs) {
        static Attempt of(WebhookAttempt a) {
            return new Attempt(a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    public record Delivery(UUID id, String messageId, UUID eventId, String eventType, UUID clientId, String status,
                           int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                           Instant createdAt, Instant finishedAt, List<Attempt> log) {
        static Delivery of(WebhookDelivery d, List<WebhookAttempt> attempts) {
            return new Delivery(d.id, d.messageId(), d.eventId, d.eventType, d.clientId, d.status.toLowerCase(),
                    d.attempts, d.lastStatusCode, d.lastError,
                    d.status.equals(WebhookDelivery.PENDING) ? d.nextAttemptAt : null, d.createdAt, d.finishedAt,
                    attempts.stream().map(Attempt::of).toList());
        }
    }
}
