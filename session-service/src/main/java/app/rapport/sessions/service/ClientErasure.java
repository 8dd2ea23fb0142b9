package app.rapport.sessions.service;

import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.CareConsent;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.Series;
import app.rapport.sessions.domain.SessionContract;
import app.rapport.sessions.domain.SessionNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Erases everything session-service holds about a client once client-service has erased them: sessions,
 * notes, contracts, series and the care-circle read model. The audit log keeps its id-only entries.
 */
@ApplicationScoped
public class ClientErasure {

    private static final Logger LOG = Logger.getLogger(ClientErasure.class);

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID clientId) {
        long notes = SessionNote.delete("clientId", clientId);
        // Bulk deletes: the database cascades to session_professional.
        entityManager.flush();
        int sessions = entityManager.createNativeQuery("delete from session where client_id = ?1")
                .setParameter(1, clientId).executeUpdate();
        Series.delete("clientId", clientId);
        SessionContract.delete("clientId", clientId);
        CareConsent.delete("clientId", clientId);
        CareMember.delete("clientId", clientId);
        CareClient.delete("clientId", clientId);
        LOG.infof("Erased client %s: %d sessions, %d notes", clientId, sessions, notes);
    }
}
