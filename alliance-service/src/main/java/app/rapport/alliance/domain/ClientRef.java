package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A client as client-service announced it: enough to decide team-lead access and to label events. */
@Entity
@Table(name = "client_ref")
public class ClientRef extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "discharged_on")
    public LocalDate dischargedOn;

    /** {@code planned} or {@code unplanned} once discharged. */
    public String ending;
}
