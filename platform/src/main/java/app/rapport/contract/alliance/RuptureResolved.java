package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * The pair's scores recovered near their baseline: the rupture episode is resolved.
 *
 * @param responseId the response that showed the recovery
 * @param repaired whether a repair had been recorded (repair rate)
 * @param daysOpen days from detection to resolution (time to repair)
 */
public record RuptureResolved(UUID clientId, String professionalId, UUID episodeId, UUID responseId, boolean repaired,
                              double daysOpen, Instant resolvedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        ValidatedPayload.required(responseId, "responseId");
        if (daysOpen < 0) {
            throw new IllegalArgumentException("daysOpen must not be negative");
        }
        ValidatedPayload.required(resolvedAt, "resolvedAt");
    }
}
