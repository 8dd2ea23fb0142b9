package app.rapport.notifications.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The delivery counters, each registered at zero when the service starts so that an alert on rate() or
 * increase() fires on the first dead webhook instead of only on the second.
 */
@Startup
@ApplicationScoped
public class DeliveryMetrics {

    public enum Withheld { CONSENT, CHANGED_BEFORE_SENDING }

    public enum WebhookOutcome { SUCCEEDED, RETRY, DEAD }

    private final Map<Withheld, Counter> withheld = new java.util.EnumMap<>(Withheld.class);
    private final Map<WebhookOutcome, Counter> webhooks = new java.util.EnumMap<>(WebhookOutcome.class);
    private final Counter immediateEmails;
    private final Counter digestEmails;

    DeliveryMetrics(MeterRegistry registry) {
        for (Withheld reason : Withheld.values()) {
            withheld.put(reason, Counter.builder("rapport.notifications.withheld")
                    .description("Notifications not sent: the client's consent or the event changed before sending")
                    .tag("reason", tagValue(reason)).register(registry));
        }
        for (WebhookOutcome outcome : WebhookOutcome.values()) {
            webhooks.put(outcome, Counter.builder("rapport.notifications.webhooks")
                    .description("Webhook delivery attempts by outcome (dead: the retry window is over)")
                    .tag("outcome", tagValue(outcome)).register(registry));
        }
        immediateEmails = emails(registry, false);
        digestEmails = emails(registry, true);
    }

    public void withheld(Withheld reason) {
        withheld.get(reason).increment();
    }

    public void webhook(WebhookOutcome outcome) {
        webhooks.get(outcome).increment();
    }

    public void emailSent(boolean digest) {
        (digest ? digestEmails : immediateEmails).increment();
    }

    private static Counter emails(MeterRegistry registry, boolean digest) {
        return Counter.builder("rapport.notifications.emails.sent")
                .description("Notification emails handed to the mail relay (digest: the daily summary)")
                .tag("digest", Boolean.toString(digest)).register(registry);
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }
}
