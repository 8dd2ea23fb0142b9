package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A scored response to a measure, for one client–professional pair. */
@Entity
@Table(name = "feedback_response")
public class FeedbackResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "professional_id", nullable = false)
    public String professionalId;

    @Column(name = "measure_id", nullable = false)
    public String measureId;

    /** {@code client}, {@code professional} or {@code family}. */
    @Column(nullable = false)
    public String rater;

    @Column(name = "session_id")
    public UUID sessionId;

    public String language;

    /** Item linkId → answer, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String answers;

    /** Subscale → score, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String subscales;

    @Column(nullable = false)
    public double total;

    @Column(name = "percent_of_max", nullable = false)
    public double percentOfMax;

    @Column(name = "in_concern_range", nullable = false)
    public boolean inConcernRange;

    @Column(nullable = false)
    public boolean prorated;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** When the response was filled in: now, or the earlier time a professional gave ({@code completedAt}). */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** When alliance-service received it. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "link_id")
    public UUID linkId;
}
