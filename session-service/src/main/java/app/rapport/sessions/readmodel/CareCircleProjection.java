package app.rapport.sessions.readmodel;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.platform.inbox.EventHandler;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.ConsentDecision;
import app.rapport.sessions.service.ClientErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Builds the care-circle read model that authorizes every request from client-service's events.
 * Runs inside the transaction that records the event as processed, so each event applies once.
 */
@ApplicationScoped
public class CareCircleProjection implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CareCircleProjection.class);

    @Inject
    ClientErasure erasure;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.CLIENT_REGISTERED, EventType.CLIENT_UPDATED, EventType.CARETEAM_MEMBER_JOINED, EventType.CARETEAM_MEMBER_LEFT,
                EventType.CONSENT_GRANTED, EventType.CONSENT_WITHDRAWN, EventType.CLIENT_ERASED);
    }

    @Override
    public void handle(EventEnvelope event) {
        EventType type = EventType.fromTypeName(event.type()).orElseThrow();
        switch (type) {
            case CLIENT_REGISTERED -> registered(event.dataAs(ClientRegistered.class));
            case CLIENT_UPDATED -> updated(event.dataAs(ClientUpdated.class));
            case CARETEAM_MEMBER_JOINED -> joined(event.dataAs(MemberJoined.class));
            case CARETEAM_MEMBER_LEFT -> left(event.dataAs(MemberLeft.class));
            case CONSENT_GRANTED -> granted(event.dataAs(ConsentGranted.class), event);
            case CONSENT_WITHDRAWN -> withdrawn(event.dataAs(ConsentWithdrawn.class), event);
            case CLIENT_ERASED -> erasure.erase(event.dataAs(ClientErased.class).clientId());
            default -> LOG.debugf("Ignoring %s", event.type());
        }
    }

    private void registered(ClientRegistered registered) {
        CareClient client = CareClient.<CareClient>findByIdOptional(registered.clientId()).orElseGet(() -> {
            CareClient created = new CareClient();
            created.clientId = registered.clientId();
            return created;
        });
        client.clientReference = registered.clientReference();
        client.organisationId = registered.organisationId();
        client.teamId = registered.teamId();
        client.persist();
    }

    /** A client moved to another team: that team's lead now sees their sessions, the old one's no longer. */
    private void updated(ClientUpdated updated) {
        if (updated.teamId() == null) {
            return;
        }
        CareClient.<CareClient>findByIdOptional(updated.clientId()).ifPresentOrElse(
                client -> client.teamId = updated.teamId(),
                () -> LOG.warnf("client.updated for unknown client %s", updated.clientId()));
    }

    private void joined(MemberJoined joined) {
        CareMember member = CareMember.<CareMember>findByIdOptional(joined.memberId()).orElseGet(() -> {
            CareMember created = new CareMember();
            created.memberId = joined.memberId();
            return created;
        });
        member.clientId = joined.clientId();
        member.userId = joined.userId();
        member.role = joined.role();
        member.joinedOn = joined.joinedOn();
        member.leftOn = null;
        member.persist();
    }

    private void left(MemberLeft left) {
        CareMember.<CareMember>findByIdOptional(left.memberId()).ifPresentOrElse(
                member -> member.leftOn = left.leftOn(),
                () -> LOG.warnf("member-left for unknown member %s of client %s", left.memberId(), left.clientId()));
    }

    private void granted(ConsentGranted granted, EventEnvelope event) {
        CareConsent consent = new CareConsent();
        consent.consentId = granted.consentId();
        consent.clientId = granted.clientId();
        consent.category = granted.category();
        consent.recipientRole = granted.recipientRole();
        consent.recipientMemberId = granted.recipientMemberId();
        consent.decision = ConsentDecision.GRANTED;
        consent.effectiveFrom = granted.effectiveFrom();
        consent.effectiveUntil = granted.effectiveUntil();
        consent.recordedAt = event.time();
        consent.persist();
    }

    private void withdrawn(ConsentWithdrawn withdrawn, EventEnvelope event) {
        CareConsent consent = new CareConsent();
        consent.consentId = withdrawn.consentId();
        consent.clientId = withdrawn.clientId();
        consent.category = withdrawn.category();
        consent.recipientRole = withdrawn.recipientRole();
        consent.recipientMemberId = withdrawn.recipientMemberId();
        consent.decision = ConsentDecision.WITHDRAWN;
        consent.effectiveFrom = withdrawn.effectiveFrom();
        consent.recordedAt = event.time();
        consent.persist();
    }
}
