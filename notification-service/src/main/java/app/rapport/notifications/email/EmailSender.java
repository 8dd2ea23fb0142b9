package app.rapport.notifications.email;

import app.rapport.contract.DataCategory;
import app.rapport.notifications.config.NotificationsConfig;
import app.rapport.notifications.consent.ClientConsent;
import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.EmailDelivery;
import app.rapport.notifications.domain.Recipient;
import app.rapport.notifications.routing.RoutingRule;
import app.rapport.notifications.routing.RoutingTable;
import app.rapport.notifications.service.DeliveryMetrics;
import app.rapport.notifications.service.RecipientPreferences;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.time.CareDays;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due emails over SMTP. Each due row is claimed with {@code FOR UPDATE SKIP LOCKED} (replicas
 * share the work, nothing is sent twice) and checked again at sending time: if the client's consent
 * was withdrawn, the person left the care circle or turned email off meanwhile, it is withheld. Due
 * digest items go out as one email per person.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int BATCH = 100;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationsConfig config;

    /** Links in emails open the web client at the configured public address. */
    @Inject
    PublicUrls urls;

    @Inject
    ClientConsent consent;

    @Inject
    RoutingTable routing;

    @Inject
    RecipientPreferences preferences;

    @Inject
    DeliveryMetrics metrics;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        if (!config.email().senderEnabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "email-sender");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.email().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sendDue(Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("Sending due emails failed, trying again shortly: %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Sends what is due at {@code now}. @return the number of emails sent */
    public int sendDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<EmailDelivery> due = entityManager.createNativeQuery("""
                            select * from email_delivery where status = 'PENDING' and due_at <= ?1
                            order by due_at, created_at limit ?2 for update skip locked""", EmailDelivery.class)
                    .setParameter(1, now).setParameter(2, BATCH).getResultList();
            Map<String, List<EmailDelivery>> digests = new LinkedHashMap<>();
            int sent = 0;
            for (EmailDelivery delivery : due) {
                Optional<Recipient> recipient = stillWanted(delivery);
                if (recipient.isEmpty()) {
                    finish(delivery, EmailDelivery.WITHHELD, now);
                    metrics.withheld(DeliveryMetrics.Withheld.CHANGED_BEFORE_SENDING);
                } else if (delivery.digest) {
                    digests.computeIfAbsent(delivery.recipientId, r -> new ArrayList<>()).add(delivery);
                } else {
                    sent += send(recipient.get(), List.of(delivery), now);
                }
            }
            for (List<EmailDelivery> items : digests.values()) {
                sent += send(Recipient.findById(items.get(0).recipientId), items, now);
            }
            return sent;
        });
    }

    /** The recipient, if they may still be told and still want email for this kind of event. */
    private Optional<Recipient> stillWanted(EmailDelivery delivery) {
        Optional<Recipient> recipient = preferences.recipient(delivery.recipientId).filter(r -> r.email != null);
        Optional<RoutingRule> rule = routing.rule(delivery.eventType);
        if (recipient.isEmpty() || rule.isEmpty()
                || !preferences.choice(delivery.recipientId, rule.get().group()).email()) {
            return Optional.empty();
        }
        LocalDate today = CareDays.today();
        boolean allowed = CareCircleMember.<CareCircleMember>list("clientId = ?1 and userId = ?2", delivery.clientId,
                        delivery.recipientId).stream()
                .filter(m -> m.activeOn(today))
                .anyMatch(m -> consent.allows(delivery.clientId, DataCategory.fromWire(delivery.category), m.role, m.memberId));
        return allowed ? recipient : Optional.empty();
    }

    private int send(Recipient recipient, List<EmailDelivery> items, Instant now) {
        EmailText text = items.size() == 1 && !items.get(0).digest
                ? EmailText.single(items.get(0), recipient.language, urls.base())
                : EmailText.digest(items, recipient.language, urls.base());
        try {
            mailer.send(Mail.withText(recipient.email, text.subject(), text.plain()).setHtml(text.html())
                    .setFrom(config.email().from()));
            items.forEach(item -> finish(item, EmailDelivery.SENT, now));
            metrics.emailSent(items.get(0).digest);
            return 1;
        } catch (RuntimeException e) {
            for (EmailDelivery item : items) {
                item.attempts++;
                item.lastError = e.toString().length() > 500 ? e.toString().substring(0, 500) : e.toString();
                if (item.attempts >= config.email().maxAttempts()) {
                    finish(item, EmailDelivery.FAILED, now);
                } else {
                    item.dueAt = now.plus(Duration.ofSeconds(30L << Math.min(item.attempts, 8)));
                }
            }
            LOG.warnf("Email to %s failed (attempt %d): %s", recipient.userId, items.get(0).attempts, e.toString());
            return 0;
        }
    }

    private static void finish(EmailDelivery delivery, String status, Instant now) {
        delivery.status = status;
        delivery.finishedAt = now;
    }
}
