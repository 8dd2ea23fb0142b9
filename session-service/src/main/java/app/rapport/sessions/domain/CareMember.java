package app.rapport.sessions.domain;

import app.rapport.contract.CareTeamRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Care-circle membership as learnt from careteam.member-joined / member-left. */
@Entity
@Table(name = "care_member")
public class CareMember extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** Token subject; null for family members without an account. */
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CareTeamRole role;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public static Optional<CareMember> activeMembership(UUID clientId, String userId) {
        return find("clientId = ?1 and userId = ?2 and leftOn is null and role <> ?3", clientId, userId, CareTeamRole.FAMILY)
                .firstResultOptional();
    }

    /** The user's active memberships (family aside) among the clients, in no particular order. */
    public static List<CareMember> activeMemberships(Collection<UUID> clientIds, String userId) {
        return list("clientId in ?1 and userId = ?2 and leftOn is null and role <> ?3", clientIds, userId, CareTeamRole.FAMILY);
    }

    public static List<CareMember> activeMembers(UUID clientId) {
        return list("clientId = ?1 and leftOn is null", clientId);
    }
}
