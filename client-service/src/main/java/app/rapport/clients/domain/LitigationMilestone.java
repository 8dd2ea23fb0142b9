package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Something that happened in the client's claim: proceedings issued, a trial date set, a settlement. */
@Entity
@Table(name = "litigation_milestone")
public class LitigationMilestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** One of {@code MilestoneRecorded.KINDS}, e.g. {@code trial-date-set}. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** The date the milestone refers to, e.g. the trial date itself. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    public String note;

    /** The firm whose case it was when the milestone was recorded. */
    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Latest first: by the day it happened, then by when it was recorded. */
    public static List<LitigationMilestone> ofClient(UUID clientId) {
        return list("clientId", Sort.descending("occurredOn").and("recordedAt", Sort.Direction.Descending)
                .and("id", Sort.Direction.Descending), clientId);
    }
}
