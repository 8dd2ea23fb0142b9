package app.rapport.clients.service.cases;

import app.rapport.clients.domain.LitigationStage;
import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The whole case as the case team sends it; absent fields are cleared. {@code firmId} is the law
 * firm's organisation id (its solicitors then see the client); a newly named firm without a stage
 * opens the claim at {@code pre-action}, the same firm without a stage keeps the stage it has.
 */
public record CaseDetails(
        LocalDate referralDate,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String referralSource,
        @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String injuryContext,
        @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String rehabilitationContext,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String fundingSource,
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String fundingReference,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be an organisation id such as org-hartley-solicitors")
        String firmId,
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String solicitorReference,
        @Pattern(regexp = LitigationStage.WIRE_PATTERN, message = "must be one of " + LitigationStage.WIRE_PATTERN)
        String litigationStage) {
}
