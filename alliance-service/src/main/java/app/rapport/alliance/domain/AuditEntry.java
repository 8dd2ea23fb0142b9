package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who read or wrote which part of a client's alliance data, when, and why it was allowed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String roles;

    /** {@code read} or {@code write}. */
    @Column(nullable = false)
    public String action;

    /** e.g. {@code responses}, {@code episodes}, {@code trend}, {@code feedback-links}. */
    @Column(nullable = false)
    public String resource;

    /** e.g. {@code care-circle:therapist}, {@code team-lead:team-north}. */
    @Column(nullable = false)
    public String basis;

    @Column(nullable = false)
    public Instant at;
}
