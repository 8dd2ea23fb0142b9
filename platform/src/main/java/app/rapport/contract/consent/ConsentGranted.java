package app.rapport.contract.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The client agreed that a recipient may see one category of their data. The recipient is either
 * everyone in a care-circle role or one named member.
 */
public record ConsentGranted(UUID clientId, UUID consentId, DataCategory category, CareTeamRole recipientRole,
                             UUID recipientMemberId, LocalDate effectiveFrom, LocalDate effectiveUntil,
                             String recordedBy) implements ValidatedPayload {
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
