package app.rapport.alliance.domain;

import app.rapport.alliance.rules.EpisodeState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A rupture episode of one client–professional pair. At most one is open per pair (unique partial index). */
@Entity
@Table(name = "rupture_episode")
public class RuptureEpisode extends PanacheEntityBase {

    public static final List<EpisodeState> OPEN = List.of(EpisodeState.DETECTED, EpisodeState.ACKNOWLEDGED,
            EpisodeState.REPAIR_RECORDED);

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "professional_id", nullable = false)
    public String professionalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EpisodeState state;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** For a closed episode: the reason code; for a resolved one: {@code recovered}. */
    @Column(name = "end_reason")
    public String endReason;

    /** The response that showed the recovery. */
    @Column(name = "resolved_by")
    public UUID resolvedBy;

    @Column(nullable = false)
    public boolean repaired;

    @Version
    public int version;

    /**
     * Serialises, until the transaction ends, everything that reads a pair's history to open, extend or resolve its
     * episode: without it two signals arriving together both find no open episode and both open one. A row lock
     * cannot do this, since there is no row to lock before the first episode. The two-integer advisory key space is
     * separate from the single-bigint one the outbox relay uses; a hash collision only makes two pairs wait in turn.
     */
    public static void lockPair(UUID clientId, String professionalId) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, clientId.hashCode())
                .setParameter(2, professionalId.hashCode())
                .getSingleResult();
    }

    /** The pair's open episode, locked for the rest of the transaction. */
    public static Optional<RuptureEpisode> openForUpdate(UUID clientId, String professionalId) {
        return find("clientId = ?1 and professionalId = ?2 and state in ?3", clientId, professionalId, OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<RuptureEpisode> openForClient(UUID clientId) {
        return list("clientId = ?1 and state in ?2", clientId, OPEN);
    }
}
