package app.rapport.alliance.service;

import app.rapport.alliance.domain.CareCircleMember;
import app.rapport.alliance.domain.ClientCancellation;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.ConsentDecisions;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.alliance.domain.FeedbackLink;
import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.domain.SessionRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** client.erased: everything alliance-service holds about the client goes; a tombstone keeps late events out. */
@ApplicationScoped
public class Erasure {

    @Inject
    ConsentDecisions consentDecisions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID clientId, Instant at) {
        // Signals and repairs go with their episodes (on delete cascade).
        RuptureEpisode.delete("clientId", clientId);
        FeedbackResponse.delete("clientId", clientId);
        FeedbackLink.delete("clientId", clientId);
        ClientCancellation.delete("clientId", clientId);
        SessionRef.delete("clientId", clientId);
        CareCircleMember.delete("clientId", clientId);
        consentDecisions.eraseClient(clientId);
        ClientRef.delete("clientId", clientId);
        ErasedClient tombstone = new ErasedClient();
        tombstone.clientId = clientId;
        tombstone.erasedAt = at;
        tombstone.persist();
    }
}
