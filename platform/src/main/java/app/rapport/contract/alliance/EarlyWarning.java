package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.util.List;
import java.util.UUID;

/**
 * The alliance is low by the pair's third rated session.
 *
 * @param responseIds the early responses the warning is based on
 */
public record EarlyWarning(UUID clientId, String professionalId, UUID episodeId, String measureId, List<UUID> responseIds,
                           double meanTotal, double cutOff) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        ValidatedPayload.required(measureId, "measureId");
        if (responseIds == null || responseIds.isEmpty()) {
            throw new IllegalArgumentException("responseIds must name at least one response");
        }
    }
}
