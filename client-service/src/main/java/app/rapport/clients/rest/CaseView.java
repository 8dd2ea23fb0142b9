package app.rapport.clients.rest;

import app.rapport.clients.access.Relationship;
import app.rapport.clients.domain.ClientCase;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The case as the caller may see it. The firm's solicitors see only the litigation part (firm, their
 * reference, stage): injury, rehabilitation and funding detail is the care team's. Therapists see
 * the clinical context but not funding. Fields the caller may not see, or that are not recorded, are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID clientId, LocalDate referralDate, String referralSource, String injuryContext,
                       String rehabilitationContext, String fundingSource, String fundingReference, String firmId,
                       String solicitorReference, String litigationStage, Boolean legalHold, Instant updatedAt,
                       String updatedBy) {

    static CaseView of(UUID clientId, Optional<ClientCase> recorded, Relationship relationship) {
        if (recorded.isEmpty()) {
            return new CaseView(clientId, null, null, null, null, null, null, null, null, null, false, null, null);
        }
        ClientCase c = recorded.get();
        String stage = c.litigationStage == null ? null : c.litigationStage.wire();
        return switch (relationship) {
            case SOLICITOR -> new CaseView(clientId, null, null, null, null, null, null, c.firmId, c.solicitorReference,
                    stage, c.isUnderLegalHold(), null, null);
            case THERAPIST -> new CaseView(clientId, c.referralDate, c.referralSource, c.injuryContext,
                    c.rehabilitationContext, null, null, c.firmId, c.solicitorReference, stage, c.isUnderLegalHold(),
                    c.updatedAt, c.updatedBy);
            default -> new CaseView(clientId, c.referralDate, c.referralSource, c.injuryContext, c.rehabilitationContext,
                    c.fundingSource, c.fundingReference, c.firmId, c.solicitorReference, stage, c.isUnderLegalHold(),
                    c.updatedAt, c.updatedBy);
        };
    }
}
