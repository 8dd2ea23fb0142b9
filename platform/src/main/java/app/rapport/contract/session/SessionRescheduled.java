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
 * @param requestedBy who asked for the move, {@code client} or {@code professional}, when whoever recorded it said so
 *        (absent otherwise, e.g. when a whole series is retimed); the alliance reads repeated moves asked for by the
 *        client as withdrawal
 */
public record SessionRescheduled(UUID sessionId, UUID newSessionId, UUID clientId, List<String> professionalIds,
                                 String type, Instant previousStart, Instant start, Instant end, double hoursNotice,
                                 String rescheduledBy, String requestedBy) implements ValidatedPayload {

    /** A move recorded without saying who asked for it. */
    public SessionRescheduled(UUID sessionId, UUID newSessionId, UUID clientId, List<String> professionalIds, String type,
                              Instant previousStart, Instant start, Instant end, double hoursNotice, String rescheduledBy) {
        this(sessionId, newSessionId, clientId, professionalIds, type, previousStart, start, end, hoursNotice, rescheduledBy,
                null);
    }

    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(newSessionId, "newSessionId");
        ValidatedPayload.required(previousStart, "previousStart");
        ValidatedPayload.required(start, "start");
        ValidatedPayload.required(end, "end");
        ValidatedPayload.required(rescheduledBy, "rescheduledBy");
        if (requestedBy != null && !SessionTypes.CANCELLED_BY.contains(requestedBy)) {
            throw new IllegalArgumentException("requestedBy must be one of " + SessionTypes.CANCELLED_BY);
        }
    }
}
