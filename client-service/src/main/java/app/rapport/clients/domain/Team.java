package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A team within a case-management organisation. Its id appears in its members' {@code teams} claim. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
