package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * A repair attempt was recorded for a rupture episode.
 *
 * @param strategy a code from {@link AllianceTypes#REPAIR_STRATEGIES}; the professional's note stays in alliance-service
 */
public record RepairRecorded(UUID clientId, String professionalId, UUID episodeId, UUID repairId, String strategy,
                             String recordedBy, Instant recordedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        ValidatedPayload.required(repairId, "repairId");
        AllianceTypes.oneOf(strategy, AllianceTypes.REPAIR_STRATEGIES, "strategy");
        ValidatedPayload.required(recordedBy, "recordedBy");
        ValidatedPayload.required(recordedAt, "recordedAt");
    }
}
