package app.rapport.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A recurring series; its occurrences are sessions, each of which can be moved or cancelled on its own. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The RFC 5545 RRULE value, e.g. {@code FREQ=WEEKLY;COUNT=10}. */
    @Column(nullable = false)
    public String rrule;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
