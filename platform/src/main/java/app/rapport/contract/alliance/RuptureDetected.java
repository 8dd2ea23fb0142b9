package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rupture episode was opened for a client–professional pair.
 *
 * @param signals the signals that opened it (codes from {@link AllianceTypes#SIGNALS})
 */
public record RuptureDetected(UUID clientId, String professionalId, UUID episodeId, List<String> signals,
                              Instant detectedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        if (signals == null || signals.isEmpty()) {
            throw new IllegalArgumentException("signals must name at least one signal");
        }
        signals.forEach(s -> AllianceTypes.oneOf(s, AllianceTypes.SIGNALS, "signals"));
        ValidatedPayload.required(detectedAt, "detectedAt");
    }
}
