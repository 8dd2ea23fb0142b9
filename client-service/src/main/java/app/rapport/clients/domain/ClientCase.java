package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The client's case: referral, rehabilitation context, funding and litigation. One per client. */
@Entity
@Table(name = "client_case")
public class ClientCase extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "referral_date")
    public LocalDate referralDate;

    @Column(name = "referral_source")
    public String referralSource;

    @Column(name = "injury_context")
    public String injuryContext;

    @Column(name = "rehabilitation_context")
    public String rehabilitationContext;

    @Column(name = "funding_source")
    public String fundingSource;

    @Column(name = "funding_reference")
    public String fundingReference;

    /** The law firm (organisation id) acting for the client; its solicitors may see the client within consent. */
    @Column(name = "firm_id")
    public String firmId;

    @Column(name = "solicitor_reference")
    public String solicitorReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "litigation_stage")
    public LitigationStage litigationStage;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static Optional<ClientCase> of(UUID clientId) {
        return findByIdOptional(clientId);
    }

    /** Open litigation is a legal hold: the record must be kept. */
    public boolean isUnderLegalHold() {
        return firmId != null && litigationStage != null && litigationStage.isOpen();
    }
}
