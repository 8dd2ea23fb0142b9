package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The client attended a session.
 *
 * @param pairs for each professional in the session, the pair's gap and usual interval
 */
public record SessionAttended(UUID sessionId, UUID clientId, List<String> professionalIds, String type, Instant start,
                              int minutesLate, List<PairHistory> pairs, String recordedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(start, "start");
        if (minutesLate < 0) {
            throw new IllegalArgumentException("minutesLate must not be negative");
        }
        ValidatedPayload.required(pairs, "pairs");
        pairs.forEach(PairHistory::validate);
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
