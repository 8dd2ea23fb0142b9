package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session was booked.
 *
 * @param seriesId the recurring series it belongs to, if any
 * @param timeZone IANA zone the session was booked in (its local time is shown in this zone)
 */
public record SessionScheduled(UUID sessionId, UUID clientId, List<String> professionalIds, String type, Instant start,
                               Instant end, String timeZone, UUID seriesId, String scheduledBy) implements ValidatedPayload {
    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(start, "start");
        ValidatedPayload.required(end, "end");
        ValidatedPayload.required(timeZone, "timeZone");
        ValidatedPayload.required(scheduledBy, "scheduledBy");
    }
}
