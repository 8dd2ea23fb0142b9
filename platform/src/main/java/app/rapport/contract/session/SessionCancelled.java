package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session was cancelled. Short notice from either side is a rupture signal.
 *
 * @param cancelledBy {@code client} or {@code professional}
 * @param reasonCode a code from session-service's list (never free text)
 * @param hoursNotice hours from the cancellation to the start (negative after it began)
 */
public record SessionCancelled(UUID sessionId, UUID clientId, List<String> professionalIds, String type, Instant start,
                               String cancelledBy, String reasonCode, double hoursNotice, String recordedBy)
        implements ValidatedPayload {
    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(start, "start");
        ValidatedPayload.required(cancelledBy, "cancelledBy");
        if (!SessionTypes.CANCELLED_BY.contains(cancelledBy)) {
            throw new IllegalArgumentException("cancelledBy must be one of " + SessionTypes.CANCELLED_BY);
        }
        ValidatedPayload.required(reasonCode, "reasonCode");
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
