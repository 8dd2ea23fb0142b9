package app.rapport.notifications.routing;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.notifications.domain.CareCircleMember;
import app.rapport.notifications.domain.ClientRecord;
import app.rapport.notifications.domain.ConsentDecisionRecord;
import app.rapport.notifications.domain.EmailDelivery;
import app.rapport.notifications.domain.Notification;
import app.rapport.notifications.domain.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Keeps the read model routing decides from: the client's reference, who is in the care circle in
 * which role, and every consent decision. An erased client leaves nothing behind here, notifications
 * and email and webhook deliveries included. Applied by {@link EventRouter} before it routes the same event, so a member who joins is
 * told of it and one who leaves is not.
 */
@ApplicationScoped
public class ReadModelUpdates {

    public Set<EventType> handles() {
        return Set.of(EventType.CLIENT_REGISTERED, EventType.CLIENT_ERASED, EventType.CARETEAM_MEMBER_JOINED,
                EventType.CARETEAM_MEMBER_LEFT, EventType.CONSENT_GRANTED, EventType.CONSENT_WITHDRAWN);
    }

    public void apply(EventEnvelope event) {
        EventType type = EventType.fromTypeName(event.type()).orElseThrow();
        switch (type) {
            case CLIENT_REGISTERED -> registered(event, event.dataAs(ClientRegistered.class));
            case CLIENT_ERASED -> erased(event.dataAs(ClientErased.class));
            case CARETEAM_MEMBER_JOINED -> joined(event.dataAs(MemberJoined.class));
            case CARETEAM_MEMBER_LEFT -> left(event.dataAs(MemberLeft.class));
            case CONSENT_GRANTED -> granted(event, event.dataAs(ConsentGranted.class));
            case CONSENT_WITHDRAWN -> withdrawn(event, event.dataAs(ConsentWithdrawn.class));
            default -> throw new IllegalStateException("not handled here: " + type);
        }
    }

    private void registered(EventEnvelope event, ClientRegistered registered) {
        ClientRecord record = ClientRecord.<ClientRecord>findByIdOptional(registered.clientId()).orElseGet(() -> {
            ClientRecord fresh = new ClientRecord();
            fresh.clientId = registered.clientId();
            return fresh;
        });
        record.clientReference = registered.clientReference();
        record.organisationId = registered.organisationId();
        record.teamId = registered.teamId();
        record.registeredAt = event.time();
        record.persist();
    }

    private void erased(ClientErased erased) {
        Notification.delete("clientId", erased.clientId());
        // Delivery logs name the client by id and reference (and webhook bodies summarise events): they go too,
        // so a firm's delivery log no longer shows an erased client, and nothing still waiting is sent.
        EmailDelivery.delete("clientId", erased.clientId());
        WebhookDelivery.delete("clientId", erased.clientId());
        CareCircleMember.delete("clientId", erased.clientId());
        ConsentDecisionRecord.delete("clientId", erased.clientId());
        ClientRecord.deleteById(erased.clientId());
    }

    private void joined(MemberJoined joined) {
        CareCircleMember member = CareCircleMember.<CareCircleMember>findByIdOptional(joined.memberId()).orElseGet(() -> {
            CareCircleMember fresh = new CareCircleMember();
            fresh.memberId = joined.memberId();
            return fresh;
        });
        member.clientId = joined.clientId();
        member.userId = joined.userId();
        member.role = joined.role();
        member.organisationId = joined.organisationId();
        member.joinedOn = joined.joinedOn();
        member.leftOn = null;
        member.persist();
    }

    private void left(MemberLeft left) {
        CareCircleMember.<CareCircleMember>findByIdOptional(left.memberId()).ifPresentOrElse(
                member -> member.leftOn = left.leftOn(),
                () -> {
                    // Left before we saw the join (e.g. consumed from a compacted history): remember the end.
                    CareCircleMember member = new CareCircleMember();
                    member.memberId = left.memberId();
                    member.clientId = left.clientId();
                    member.userId = left.userId();
                    member.role = left.role();
                    member.joinedOn = left.leftOn();
                    member.leftOn = left.leftOn();
                    member.persist();
                });
    }

    private void granted(EventEnvelope event, ConsentGranted granted) {
        ConsentDecisionRecord record = decision(event, granted.consentId(), granted.clientId());
        record.category = granted.category();
        record.recipientRole = granted.recipientMemberId() == null ? granted.recipientRole() : null;
        record.recipientMemberId = granted.recipientMemberId();
        record.granted = true;
        record.effectiveFrom = granted.effectiveFrom();
        record.effectiveUntil = granted.effectiveUntil();
        record.persist();
    }

    private void withdrawn(EventEnvelope event, ConsentWithdrawn withdrawn) {
        ConsentDecisionRecord record = decision(event, withdrawn.consentId(), withdrawn.clientId());
        record.category = withdrawn.category();
        record.recipientRole = withdrawn.recipientMemberId() == null ? withdrawn.recipientRole() : null;
        record.recipientMemberId = withdrawn.recipientMemberId();
        record.granted = false;
        record.effectiveFrom = withdrawn.effectiveFrom();
        record.persist();
    }

    private static ConsentDecisionRecord decision(EventEnvelope event, java.util.UUID consentId, java.util.UUID clientId) {
        ConsentDecisionRecord record = new ConsentDecisionRecord();
        record.eventId = event.id();
        record.consentId = consentId;
        record.clientId = clientId;
        record.recordedAt = event.time();
        return record;
    }
}
