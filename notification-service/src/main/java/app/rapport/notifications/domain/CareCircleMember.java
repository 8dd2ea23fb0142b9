package app.rapport.notifications.domain;

import app.rapport.contract.CareTeamRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One membership of a client's care circle, as client-service announced it. */
@Entity
@Table(name = "care_circle_member")
public class CareCircleMember extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** Absent for family members without an account: they get nothing from this service. */
    @Column(name = "user_id")
    public String userId;

    @Convert(converter = WireConverters.Role.class)
    @Column(nullable = false)
    public CareTeamRole role;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public boolean activeOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    public static List<CareCircleMember> ofClient(UUID clientId) {
        return list("clientId", clientId);
    }
}
