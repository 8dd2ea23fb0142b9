package app.rapport.notifications.webhooks;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.consent.ClientConsent;
import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.WebhookAttempt;
import app.rapport.notifications.domain.WebhookDelivery;
import app.rapport.notifications.domain.WebhookSubscription;
import app.rapport.notifications.service.DeliveryMetrics;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    DeliveryMetrics metrics;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Resolves once per attempt and connects to the checked address; redirects are never followed. */
    private WebhookPoster poster;
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void createPoster() {
        poster = new WebhookPoster(HostResolver.SYSTEM,
                new PinnedPost((SSLSocketFactory) SSLSocketFactory.getDefault(), CONNECT_TIMEOUT),
                config.webhooks().allowHttpLoopback(), config.webhooks().timeout());
    }

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

    /**
     * Attempts what is due at {@code now}. The receivers are called outside any database transaction: due rows are
     * claimed (leased) in one short transaction, posted, and each outcome is recorded in its own, so a slow receiver
     * never holds locks or runs into the transaction timeout. A delivery whose outcome was never recorded (the
     * service stopped mid-post) is due again when its lease ends; receivers recognise the repeat by its webhook-id.
     *
     * @return the number of deliveries looked at
     */
    public int sendDue(Instant now) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claimDue(now));
        for (Post post : claim.posts()) {
            Outcome outcome = send(post);
            QuarkusTransaction.requiringNew().run(() -> record(post.deliveryId(), outcome, now));
        }
        return claim.lookedAt();
    }

    /** What one claim found: how many due rows it looked at, and the posts it leased. */
    private record Claim(int lookedAt, List<Post> posts) {
    }

    /** Everything needed to post one delivery, read while it was claimed. */
    private record Post(java.util.UUID deliveryId, String messageId, String url, List<String> secrets, String body) {
    }

    private record Outcome(Integer statusCode, String error, int durationMs) {
    }

    private Claim claimDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = entityManager.createNativeQuery("""
                        select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""", WebhookDelivery.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        List<Post> posts = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
            if (!stillAllowed(delivery, subscription)) {
                delivery.status = WebhookDelivery.WITHHELD;
                delivery.finishedAt = now;
                metrics.withheld(DeliveryMetrics.Withheld.CHANGED_BEFORE_SENDING);
                continue;
            }
            delivery.nextAttemptAt = now.plus(lease());
            posts.add(new Post(delivery.id, delivery.messageId(), subscription.url, secrets(subscription, now), delivery.body));
        }
        return new Claim(due.size(), posts);
    }

    /** Long enough for a connection and an answer, with room to record the outcome. */
    private Duration lease() {
        return config.webhooks().timeout().plus(CONNECT_TIMEOUT).plusSeconds(30);
    }

    private boolean stillAllowed(WebhookDelivery delivery, WebhookSubscription subscription) {
        LocalDate today = CareDays.today();
        DataCategory category = DataCategory.fromWire(delivery.category);
        return CareCircleMember.<CareCircleMember>list("clientId = ?1 and role = ?2 and organisationId = ?3",
                        delivery.clientId, CareTeamRole.SOLICITOR, subscription.organisationId).stream()
                .filter(m -> m.activeOn(today))
                .anyMatch(m -> consent.allows(delivery.clientId, category, m.role, m.memberId));
    }

    private static List<String> secrets(WebhookSubscription subscription, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(subscription.secret));
        if (subscription.previousSecret != null && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(now)) {
            secrets.add(subscription.previousSecret);
        }
        return secrets;
    }

    private Outcome send(Post post) {
        long started = System.nanoTime();
        WebhookPoster.Result result = poster.attempt(post.url(), post.messageId(), post.secrets(), post.body());
        return new Outcome(result.statusCode(), result.error(), (int) Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void record(java.util.UUID deliveryId, Outcome outcome, Instant now) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            return; // erased with its client while the post was under way
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = now;
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.durationMs = outcome.durationMs();
        attempt.persist();

        delivery.attempts++;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.error();
        Integer statusCode = outcome.statusCode();
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            delivery.status = WebhookDelivery.SUCCEEDED;
            delivery.finishedAt = now;
            metrics.webhook(DeliveryMetrics.WebhookOutcome.SUCCEEDED);
            return;
        }
        Instant next = now.plus(backoff(delivery.attempts));
        if (next.isAfter(delivery.windowStart.plus(config.webhooks().retryWindow()))) {
            delivery.status = WebhookDelivery.DEAD;
            delivery.finishedAt = now;
            metrics.webhook(DeliveryMetrics.WebhookOutcome.DEAD);
            LOG.warnf("Webhook %s to subscription %s is dead after %d attempts", delivery.messageId(),
                    delivery.subscriptionId, delivery.attempts);
        } else {
            delivery.nextAttemptAt = next;
            metrics.webhook(DeliveryMetrics.WebhookOutcome.RETRY);
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
