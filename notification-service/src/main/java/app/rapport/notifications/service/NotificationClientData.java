package app.rapport.notifications.service;

import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.ClientRecord;
import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.subjectaccess.ClientFacts;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What notification-service holds about a client, for its part of the subject-access export. */
@ApplicationScoped
public class NotificationClientData extends ClientDataDefinition {

    private static final List<ClientDataSection> SECTIONS = List.of(
            new ClientDataSection("notifications", Set.of("notification"),
                    "select cast(to_jsonb(n) as text) from notification n where n.client_id = ?1 order by n.created_at, n.id"),
            new ClientDataSection("emailDeliveries", Set.of("email_delivery"),
                    "select cast(to_jsonb(e) as text) from email_delivery e where e.client_id = ?1 order by e.created_at, e.id"),
            // What was sent to a firm's system about the client; the subscription's secret is not part of it.
            new ClientDataSection("webhookDeliveries", Set.of("webhook_delivery"), """
                    select cast(to_jsonb(d) || jsonb_build_object('organisationId', s.organisation_id) as text)
                    from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                    where d.client_id = ?1 order by d.created_at, d.id"""),
            new ClientDataSection("webhookAttempts", Set.of("webhook_attempt"), """
                    select cast(to_jsonb(a) as text) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                    where d.client_id = ?1 order by a.attempted_at, a.id"""));

    private static final Map<String, String> EXCLUSIONS = Map.of(
            "client_record", copiedFromClientService("the client's reference, organisation and team"),
            "care_circle_member", copiedFromClientService("the care circle"),
            "consent_decision", copiedFromClientService("the consent decisions"));

    public NotificationClientData() {
        super(SECTIONS, EXCLUSIONS);
    }

    @Override
    public Optional<ClientFacts> facts(UUID clientId, String callerId) {
        LocalDate today = CareDays.today();
        return ClientRecord.<ClientRecord>findByIdOptional(clientId).map(client -> new ClientFacts(client.organisationId, client.teamId,
                CareCircleMember.ofClient(clientId).stream()
                        .filter(m -> callerId.equals(m.userId) && m.activeOn(today)).map(m -> m.role).findFirst()));
    }
}
