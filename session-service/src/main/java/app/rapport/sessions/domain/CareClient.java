package app.rapport.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A client as session-service knows it from client.registered: ids and the non-identifying reference only. */
@Entity
@Table(name = "care_client")
public class CareClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "client_reference", nullable = false)
    public String clientReference;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "team_id", nullable = false)
    public String teamId;
}
