package app.rapport.notifications.webhooks;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.consent.ClientConsent;
import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.WebhookAttempt;
import app.rapport.notifications.domain.WebhookDelivery;
import app.rapport.notifications.domain.WebhookSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Posts due webhook deliveries, signed per Standard Webhooks. Due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work and a restart picks up where the
 * last run stopped. Before every attempt the client's consent and the firm's place in the care circle
 * are checked again: a withdrawal stops pending retries. Failures are retried with exponential backoff
 * and jitter until the retry window has passed, then the delivery is dead (and can be replayed).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationsConfig config;

    @Inject
    ClientConsent consent;

    @Inject
    MeterRegistry metrics;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        if (!config.webhooks().senderEnabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.webhooks().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                while (sendDue(Instant.now()) == BATCH) {
                    // a full batch: there may be more due at once
                }
            } catch (RuntimeException e) {
                LOG.warnf("Sending due webhooks failed, trying again shortly: %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Attempts what is due at {@code now}. @return the number of deliveries looked at */
    public int sendDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<WebhookDelivery> due = entityManager.createNativeQuery("""
                            select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?1
                            order by next_attempt_at limit ?2 for update skip locked""", WebhookDelivery.class)
                    .setParameter(1, now).setParameter(2, BATCH).getResultList();
            for (WebhookDelivery delivery : due) {
                WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
                if (!stillAllowed(delivery, subscription)) {
                    delivery.status = WebhookDelivery.WITHHELD;
                    delivery.finishedAt = now;
                    metrics.counter("rapport.notifications.withheld", "reason", "changed-before-sending").increment();
                    continue;
                }
                attempt(delivery, subscription, now);
            }
            return due.size();
        });
    }

    private boolean stillAllowed(WebhookDelivery delivery, WebhookSubscription subscription) {
        LocalDate today = LocalDate.now(ClientConsent.UK);
        DataCategory category = DataCategory.fromWire(delivery.category);
        return CareCircleMember.<CareCircleMember>list("clientId = ?1 and role = ?2 and organisationId = ?3",
                        delivery.clientId, CareTeamRole.SOLICITOR, subscription.organisationId).stream()
                .filter(m -> m.activeOn(today))
                .anyMatch(m -> consent.allows(delivery.clientId, category, m.role, m.memberId));
    }

    private void attempt(WebhookDelivery delivery, WebhookSubscription subscription, Instant now) {
        long timestamp = Instant.now().getEpochSecond();
        List<String> secrets = new ArrayList<>(List.of(subscription.secret));
        if (subscription.previousSecret != null && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(now)) {
            secrets.add(subscription.previousSecret);
        }
        long started = System.nanoTime();
        Integer statusCode = null;
        String error = null;
        Optional<String> refusal = UrlPolicy.refusal(subscription.url, config.webhooks().allowHttpLoopback());
        if (refusal.isPresent()) {
            error = "URL refused: " + refusal.get();
        } else {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                        .timeout(config.webhooks().timeout())
                        .header("content-type", "application/json")
                        .header("user-agent", "Rapport-Webhooks/1")
                        .header("webhook-id", delivery.messageId())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.header(secrets, delivery.messageId(), timestamp, delivery.body))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                        .build();
                statusCode = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = now;
        attempt.statusCode = statusCode;
        attempt.error = error;
        attempt.durationMs = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        attempt.persist();

        delivery.attempts++;
        delivery.lastStatusCode = statusCode;
        delivery.lastError = error;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            delivery.status = WebhookDelivery.SUCCEEDED;
            delivery.finishedAt = now;
            metrics.counter("rapport.notifications.webhooks", "outcome", "succeeded").increment();
            return;
        }
        Instant next = now.plus(backoff(delivery.attempts));
        if (next.isAfter(delivery.windowStart.plus(config.webhooks().retryWindow()))) {
            delivery.status = WebhookDelivery.DEAD;
            delivery.finishedAt = now;
            metrics.counter("rapport.notifications.webhooks", "outcome", "dead").increment();
            LOG.warnf("Webhook %s to subscription %s is dead after %d attempts", delivery.messageId(),
                    subscription.id, delivery.attempts);
        } else {
            delivery.nextAttemptAt = next;
            metrics.counter("rapport.notifications.webhooks", "outcome", "retry").increment();
        }
    }

    /** Exponential backoff with ±20 % jitter, capped. */
    Duration backoff(int attempts) {
        long base = config.webhooks().initialBackoff().toMillis();
        long capped = Math.min(config.webhooks().maxBackoff().toMillis(), base << Math.min(attempts - 1, 20));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
