package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/** The client rates the pair's work at the ceiling while the professional's own check-in is low. */
public record RatingDiscrepancy(UUID clientId, String professionalId, UUID episodeId, UUID clientResponseId,
                                UUID professionalResponseId, double clientPercentOfMax, double professionalPercentOfMax)
        implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        ValidatedPayload.required(clientResponseId, "clientResponseId");
        ValidatedPayload.required(professionalResponseId, "professionalResponseId");
    }
}
