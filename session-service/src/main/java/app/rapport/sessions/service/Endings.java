package app.rapport.sessions.service;

import app.rapport.contract.EventType;
import app.rapport.contract.session.SessionEndingApproaching;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.time.CareDays;
import app.rapport.sessions.access.ConsentLedger;
import app.rapport.sessions.config.SessionsConfig;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionContract;
import app.rapport.sessions.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Counts contracted sessions used and raises session.ending-approaching once, when few are left. */
@ApplicationScoped
public class Endings {

    @Inject
    SessionsConfig config;

    @Inject
    OutboxWriter outbox;

    /** Attended sessions of the pair since the contract started. */
    public int used(SessionContract contract) {
        Instant from = contract.startsOn.atStartOfDay(CareDays.ZONE).toInstant();
        return Session.getEntityManager().createQuery("""
                        select count(s) from Session s join s.professionals p
                        where s.clientId = ?1 and p.userId = ?2 and s.status = ?3 and s.startsAt >= ?4""", Long.class)
                .setParameter(1, contract.clientId)
                .setParameter(2, contract.professionalId)
                .setParameter(3, SessionStatus.ATTENDED)
                .setParameter(4, from)
                .getSingleResult().intValue();
    }

    public int left(SessionContract contract) {
        return Math.max(0, contract.sessionsAgreed - used(contract));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(SessionContract contract) {
        if (contract.endingRaisedAt != null || contract.endedOn != null) {
            return;
        }
        int used = used(contract);
        int left = Math.max(0, contract.sessionsAgreed - used);
        if (left > config.ending().threshold()) {
            return;
        }
        contract.endingRaisedAt = Instant.now();
        CareClient client = CareClient.findById(contract.clientId);
        outbox.append(EventType.SESSION_ENDING_APPROACHING, contract.clientId, client == null ? null : client.organisationId,
                client == null ? null : client.teamId,
                new SessionEndingApproaching(contract.id, contract.clientId, contract.professionalId, contract.sessionsAgreed,
                        used, left));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void afterAttendance(Session session) {
        session.professionalIds().forEach(professional ->
                SessionContract.open(session.clientId, professional).ifPresent(this::check));
    }
}
