package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Care-circle membership, from careteam.member-joined / member-left. */
@Entity
@Table(name = "care_circle_member")
public class CareCircleMember extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "user_id")
    public String userId;

    /** Care-team role as events spell it, e.g. {@code therapist}. */
    @Column(nullable = false)
    public String role;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** The user's active membership of the client's circle, if any (a membership ends on its leftOn date). */
    public static Optional<CareCircleMember> active(UUID clientId, String userId, LocalDate today) {
        return find("clientId = ?1 and userId = ?2 and (leftOn is null or leftOn > ?3)", clientId, userId, today)
                .firstResultOptional();
    }
}
