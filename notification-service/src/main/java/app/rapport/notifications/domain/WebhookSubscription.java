package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An organisation's endpoint for signed event notifications. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String url;

    /** Event type names, space separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    /** {@code whsec_} + base64 key. */
    @Column(nullable = false)
    public String secret;

    /** After a rotation the old secret also signs until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventTypeList() {
        return Arrays.stream(eventTypes.split(" ")).filter(s -> !s.isBlank()).toList();
    }
}
