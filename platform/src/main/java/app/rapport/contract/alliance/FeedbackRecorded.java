package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * A response to a measure was recorded and scored. Scores only: the answers stay in alliance-service.
 *
 * @param rater {@code client}, {@code professional} or {@code family}
 * @param inConcernRange below the measure's cut-off (at or above it for a symptom measure)
 * @param sessionId the session rated, when known
 */
public record FeedbackRecorded(UUID clientId, String professionalId, UUID responseId, String measureId, String rater,
                               double total, double percentOfMax, boolean inConcernRange, UUID sessionId,
                               Instant recordedAt) implements ValidatedPayload {
    @Override
    public void validate() {
        AllianceTypes.pair(clientId, professionalId);
        ValidatedPayload.required(responseId, "responseId");
        ValidatedPayload.required(measureId, "measureId");
        AllianceTypes.oneOf(rater, AllianceTypes.RATERS, "rater");
        if (percentOfMax < 0 || percentOfMax > 100) {
            throw new IllegalArgumentException("percentOfMax must be between 0 and 100");
        }
        ValidatedPayload.required(recordedAt, "recordedAt");
    }
}
