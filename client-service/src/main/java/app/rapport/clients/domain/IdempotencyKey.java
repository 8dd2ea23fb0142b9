package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@code Idempotency-Key} an integrating system sent with a request, the fingerprint of that
 * request and what it created, so a retry gets the first answer instead of a duplicate.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The use case the key belongs to, e.g. {@code litigation-milestone}. */
    @Column(nullable = false)
    public String operation;

    @Column(name = "idempotency_key", nullable = false)
    public String key;

    /** Hash of the caller and the request body: the same key with another request is a client error. */
    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<IdempotencyKey> find(UUID clientId, String operation, String key) {
        return find("clientId = ?1 and operation = ?2 and key = ?3", clientId, operation, key).firstResultOptional();
    }
}
