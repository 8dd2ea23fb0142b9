package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A progress note on a goal, written by a professional. Never leaves client-service except to the case team. */
@Entity
@Table(name = "goal_progress")
public class GoalProgress extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The day the progress was seen. */
    @Column(name = "noted_on", nullable = false)
    public LocalDate notedOn;

    @Column(nullable = false)
    public String note;

    @Column(name = "progress_percent")
    public Integer progressPercent;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Newest first. */
    public static List<GoalProgress> ofGoal(UUID goalId) {
        return list("goalId = ?1 order by notedOn desc, recordedAt desc, id", goalId);
    }
}
