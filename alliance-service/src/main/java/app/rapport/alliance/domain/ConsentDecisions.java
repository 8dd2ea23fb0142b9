package app.rapport.alliance.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The client's decisions about their alliance data ({@code consent_decision}), as client-service announced them.
 * History is kept; a redelivered decision is stored once. Read only as {@link ConsentRules.Decision}s.
 */
@ApplicationScoped
public class ConsentDecisions {

    @Inject
    EntityManager entityManager;

    /** Keeps one decision; exactly one of {@code role} and {@code memberId} names the recipient. */
    @SuppressWarnings("unchecked")
    public void keep(UUID consentId, UUID clientId, CareTeamRole role, UUID memberId, boolean granted, LocalDate from,
                     LocalDate until, Instant recordedAt) {
        // Typed binding: the recipient's role or member and the last day may be null.
        entityManager.createNativeQuery("""
                        insert into consent_decision (consent_id, client_id, recipient_role, recipient_member_id, granted,
                                                      effective_from, effective_until, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (consent_id) do nothing""")
                .unwrap(NativeQuery.class)
                .setParameter(1, consentId, UUID.class)
                .setParameter(2, clientId, UUID.class)
                .setParameter(3, role == null ? null : role.wire(), String.class)
                .setParameter(4, memberId, UUID.class)
                .setParameter(5, granted, Boolean.class)
                .setParameter(6, from, LocalDate.class)
                .setParameter(7, until, LocalDate.class)
                .setParameter(8, recordedAt, Instant.class)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ConsentRules.Decision> forClient(UUID clientId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select recipient_role, recipient_member_id, granted, effective_from, effective_until, recorded_at
                        from consent_decision where client_id = ?1""")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> new ConsentRules.Decision(DataCategory.ALLIANCE,
                r[0] == null ? null : CareTeamRole.fromWire((String) r[0]), (UUID) r[1], (Boolean) r[2], day(r[3]),
                day(r[4]), instant(r[5]))).toList();
    }

    public void eraseClient(UUID clientId) {
        entityManager.createNativeQuery("delete from consent_decision where client_id = ?1").setParameter(1, clientId)
                .executeUpdate();
    }

    private static LocalDate day(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
