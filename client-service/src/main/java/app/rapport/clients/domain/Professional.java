package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A person who can be added to care circles, keyed by their token subject. */
@Entity
@Table(name = "professional")
public class Professional extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Their login role, e.g. {@code therapist}. */
    @Column(nullable = false)
    public String role;

    public String discipline;

    public String email;

    @Column(nullable = false)
    public boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "professional_team", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "team_id")
    public Set<String> teamIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
