package app.rapport.alliance.events;

import app.rapport.alliance.domain.CareCircleMember;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.service.Episodes;
import app.rapport.alliance.service.Erasure;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;

/**
 * The care-circle read model that authorization rests on, and the client's lifecycle: a discharge closes open
 * episodes unresolved (the reason says whether the ending was planned), an erasure deletes everything held.
 */
@ApplicationScoped
public class ClientEventsHandler implements app.rapport.platform.inbox.EventHandler {

    @Inject
    Episodes episodes;

    @Inject
    Erasure erasure;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.CLIENT_REGISTERED, EventType.CLIENT_UPDATED, EventType.CLIENT_DISCHARGED,
                EventType.CLIENT_ERASED, EventType.CARETEAM_MEMBER_JOINED, EventType.CARETEAM_MEMBER_LEFT);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (ErasedClient.findById(event.clientId()) != null) {
            return;
        }
        switch (EventType.fromTypeName(event.type()).orElseThrow()) {
            case CLIENT_REGISTERED -> registered(event.dataAs(ClientRegistered.class));
            case CLIENT_UPDATED -> updated(event.dataAs(ClientUpdated.class));
            case CLIENT_DISCHARGED -> discharged(event.dataAs(ClientDischarged.class), event.time());
            case CLIENT_ERASED -> erasure.erase(event.dataAs(ClientErased.class).clientId(), event.time());
            case CARETEAM_MEMBER_JOINED -> joined(event.dataAs(MemberJoined.class));
            case CARETEAM_MEMBER_LEFT -> left(event.dataAs(MemberLeft.class), event.time());
            default -> {
            }
        }
    }

    private void registered(ClientRegistered registered) {
        ClientRef client = ClientRef.findById(registered.clientId());
        if (client == null) {
            client = new ClientRef();
            client.clientId = registered.clientId();
        }
        client.organisationId = registered.organisationId();
        client.teamId = registered.teamId();
        client.preferredLanguage = registered.preferredLanguage();
        client.persist();
    }

    private void updated(ClientUpdated updated) {
        ClientRef client = ClientRef.findById(updated.clientId());
        if (client == null) {
            return;
        }
        client.teamId = updated.teamId();
        if (updated.preferredLanguage() != null) {
            client.preferredLanguage = updated.preferredLanguage();
        }
    }

    private void discharged(ClientDischarged discharged, Instant at) {
        ClientRef client = ClientRef.findById(discharged.clientId());
        if (client == null) {
            return;
        }
        client.dischargedOn = discharged.dischargedOn();
        client.ending = discharged.ending();
        String reason = discharged.ending().equals("unplanned") ? "unplanned-ending" : "planned-ending";
        for (RuptureEpisode open : RuptureEpisode.openForClient(client.clientId)) {
            episodes.close(client, open, reason, at);
        }
    }

    private void joined(MemberJoined joined) {
        CareCircleMember member = CareCircleMember.findById(joined.memberId());
        if (member == null) {
            member = new CareCircleMember();
            member.memberId = joined.memberId();
        }
        member.clientId = joined.clientId();
        member.userId = joined.userId();
        member.role = joined.role().wire();
        member.joinedOn = joined.joinedOn();
        member.leftOn = null;
        member.persist();
    }

    private void left(MemberLeft left, Instant at) {
        CareCircleMember member = CareCircleMember.findById(left.memberId());
        if (member == null) {
            return;
        }
        member.leftOn = left.leftOn();
        ClientRef client = ClientRef.findById(left.clientId());
        boolean stillMember = member.userId != null
                && CareCircleMember.active(left.clientId(), member.userId, CareDays.today()).isPresent();
        if (client != null && member.userId != null && !stillMember) {
            RuptureEpisode.openForUpdate(client.clientId, member.userId)
                    .ifPresent(open -> episodes.close(client, open, "professional-left", at));
        }
    }
}
