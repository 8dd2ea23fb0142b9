package app.rapport.contract.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The client withdrew sharing of one category with a recipient, from {@code effectiveFrom}. Takes
 * effect everywhere: pending deliveries of that category to that recipient stop too.
 */
public record ConsentWithdrawn(UUID clientId, UUID consentId, DataCategory category, CareTeamRole recipientRole,
                               UUID recipientMemberId, LocalDate effectiveFrom, String recordedBy)
        implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(consentId, "consentId");
        ValidatedPayload.required(category, "category");
        ValidatedPayload.exactlyOne(recipientRole, "recipientRole", recipientMemberId, "recipientMemberId");
        ValidatedPayload.required(effectiveFrom, "effectiveFrom");
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
