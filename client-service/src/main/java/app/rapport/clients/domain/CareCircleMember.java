package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import app.rapport.contract.CareTeamRole;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "care_circle_member")
public class CareCircleMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** Token subject; null for family members without an account. */
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CareTeamRole role;

    /** For therapists: e.g. physiotherapy, psychology, occupational therapy. */
    public String discipline;

    /** The member's own organisation (a solicitor's law firm). */
    @Column(name = "organisation_id")
    public String organisationId;

    /** Name shown for the member; for professionals copied from the directory when they join. */
    @Column(name = "display_name")
    public String displayName;

    /** For family members: their relationship to the client, e.g. sister. */
    public String relationship;

    public String phone;

    public String email;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public static Optional<CareCircleMember> activeMembership(UUID clientId, String userId) {
        return find("clientId = ?1 and userId = ?2 and leftOn is null", clientId, userId).firstResultOptional();
    }

    public boolean isActive() {
        return leftOn == null;
    }
}
