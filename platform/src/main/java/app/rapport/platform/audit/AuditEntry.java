package app.rapport.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who read or changed which part of a client's record, when, and why they were allowed to. Ids only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    /** {@code read} or {@code write}. */
    @Column(nullable = false)
    public String action;

    /** The part of the record, e.g. {@code profile}, {@code session-notes}, {@code episodes}. */
    @Column(nullable = false)
    public String resource;

    /** Why access was allowed, e.g. {@code care-circle:therapist} or {@code team-lead:team-north}. */
    @Column(nullable = false)
    public String basis;
}
