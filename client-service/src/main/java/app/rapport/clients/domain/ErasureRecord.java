package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Why and by whom a client's personal data was erased; kept (ids and the stated ground only) for accountability. */
@Entity
@Table(name = "erasure_record")
public class ErasureRecord extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    @Column(name = "erased_by", nullable = false)
    public String erasedBy;

    /** The ground given for the erasure, e.g. the client's request under Article 17. */
    @Column(nullable = false)
    public String reason;
}
