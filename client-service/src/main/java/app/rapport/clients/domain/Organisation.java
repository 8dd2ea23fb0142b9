package app.rapport.clients.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A case-management organisation or a law firm. Its id is the {@code org} claim in its people's tokens. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    public enum Kind {
        @JsonProperty("case-management") CASE_MANAGEMENT,
        @JsonProperty("law-firm") LAW_FIRM
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For a law firm: the case-management organisation that registered it, whose admins keep its entry. */
    @Column(name = "registered_by")
    public String registeredBy;
}
