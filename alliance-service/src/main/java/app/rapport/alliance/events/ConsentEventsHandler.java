package app.rapport.alliance.events;

import app.rapport.alliance.domain.ConsentDecision;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Keeps the client's decisions about their alliance data; the access gate reads them on every request. */
@ApplicationScoped
public class ConsentEventsHandler implements EventHandler {

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.CONSENT_GRANTED, EventType.CONSENT_WITHDRAWN);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (ErasedClient.findById(event.clientId()) != null) {
            return;
        }
        if (EventType.fromTypeName(event.type()).orElseThrow() == EventType.CONSENT_GRANTED) {
            ConsentGranted g = event.dataAs(ConsentGranted.class);
            keep(g.consentId(), g.clientId(), g.category(), g.recipientRole(), g.recipientMemberId(), true,
                    g.effectiveFrom(), g.effectiveUntil(), event.time());
        } else {
            ConsentWithdrawn w = event.dataAs(ConsentWithdrawn.class);
            keep(w.consentId(), w.clientId(), w.category(), w.recipientRole(), w.recipientMemberId(), false,
                    w.effectiveFrom(), null, event.time());
        }
    }

    private static void keep(UUID consentId, UUID clientId, DataCategory category, CareTeamRole role, UUID memberId,
                             boolean granted, LocalDate from, LocalDate until, Instant at) {
        if (category != DataCategory.ALLIANCE || ConsentDecision.findById(consentId) != null) {
            return;
        }
        ConsentDecision decision = new ConsentDecision();
        decision.consentId = consentId;
        decision.clientId = clientId;
        decision.recipientRole = role == null ? null : role.wire();
        decision.recipientMemberId = memberId;
        decision.granted = granted;
        decision.effectiveFrom = from;
        decision.effectiveUntil = until;
        decision.recordedAt = at;
        decision.persist();
    }
}
