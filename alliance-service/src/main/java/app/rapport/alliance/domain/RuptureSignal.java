package app.rapport.alliance.domain;

import app.rapport.alliance.rules.SignalKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A signal that opened or extended an episode, with its evidence. */
@Entity
@Table(name = "rupture_signal")
public class RuptureSignal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "episode_id", nullable = false)
    public UUID episodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalKind kind;

    /** {@link app.rapport.alliance.rules.Evidence} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String evidence;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
}
