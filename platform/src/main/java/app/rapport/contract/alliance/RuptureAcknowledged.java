package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/** Someone responsible for the pair has seen the rupture episode and taken it on. */
public record RuptureAcknowledged(UUID clientId, String professionalId, UUID episodeId, String acknowledgedBy,
                                  Instant acknowledgedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(episodeId, "episodeId");
        ValidatedPayload.required(acknowledgedBy, "acknowledgedBy");
        ValidatedPayload.required(acknowledgedAt, "acknowledgedAt");
    }
}
