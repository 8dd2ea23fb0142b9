package app.rapport.alliance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Wording an organisation imported for a structure-only measure (the worded definition as a FHIR Questionnaire). */
@Entity
@Table(name = "measure_wording")
@IdClass(MeasureWording.Key.class)
public class MeasureWording extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Id
    @Column(name = "measure_id")
    public String measureId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    public static class Key implements Serializable {
        public String organisationId;
        public String measureId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId) && Objects.equals(measureId, k.measureId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, measureId);
        }
    }
}
