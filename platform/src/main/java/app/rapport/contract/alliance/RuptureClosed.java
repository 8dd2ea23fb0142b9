package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * A rupture episode was closed without being resolved.
 *
 * @param reason a code from {@link AllianceTypes#CLOSE_REASONS}
 */
public record RuptureClosed(UUID clientId, String professionalId, UUID episodeId, String reason, boolean repaired,
                            Instant closedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        AllianceTypes.oneOf(reason, AllianceTypes.CLOSE_REASONS, "reason");
        ValidatedPayload.required(closedAt, "closedAt");
    }
}
