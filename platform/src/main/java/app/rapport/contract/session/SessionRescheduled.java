package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session was moved: {@code sessionId} is now final (rescheduled) and {@code newSessionId} is booked
 * at the new time.
 *
 * @param hoursNotice hours from the change to the original start (negative when moved after it began)
 */
public record SessionRescheduled(UUID sessionId, UUID newSessionId, UUID clientId, List<String> professionalIds,
                                 String type, Instant previousStart, Instant start, Instant end, double hoursNotice,
                                 String rescheduledBy) implements ValidatedPayload {
    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(newSessionId, "newSessionId");
        ValidatedPayload.required(previousStart, "previousStart");
        ValidatedPayload.required(start, "start");
        ValidatedPayload.required(end, "end");
        ValidatedPayload.required(rescheduledBy, "rescheduledBy");
    }
}
