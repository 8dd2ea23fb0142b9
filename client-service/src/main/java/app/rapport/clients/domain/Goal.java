package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A goal agreed with the client: their words, the tasks agreed towards it and the professionals who
 * agreed it (the client is always a party). Tasks and agreement are small, so they load with the goal.
 */
@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** In the client's own words. */
    @Column(nullable = false)
    public String statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GoalStatus status;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "progress_percent")
    public Integer progressPercent;

    @Column(name = "achieved_on")
    public LocalDate achievedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_task", joinColumns = @JoinColumn(name = "goal_id"))
    @OrderColumn(name = "position")
    @Column(name = "task", nullable = false)
    public List<String> tasks = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_agreed_by", joinColumns = @JoinColumn(name = "goal_id"))
    @Column(name = "user_id", nullable = false)
    public Set<String> agreedBy = new TreeSet<>();

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static List<Goal> ofClient(UUID clientId) {
        return list("clientId = ?1 order by setAt, id", clientId);
    }
}
