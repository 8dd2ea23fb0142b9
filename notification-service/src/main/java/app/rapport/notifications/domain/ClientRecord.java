package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What notifications may say about a client: the non-identifying reference, never the name. */
@Entity
@Table(name = "client_record")
public class ClientRecord extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "client_reference", nullable = false)
    public String clientReference;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
