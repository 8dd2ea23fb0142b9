package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The client did not attend (DNA) and gave no notice.
 *
 * @param pairs for each professional in the session, the gap since the pair last met and its usual interval
 */
public record SessionMissed(UUID sessionId, UUID clientId, List<String> professionalIds, String type, Instant start,
                            List<PairHistory> pairs, String recordedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        SessionTypes.common(sessionId, clientId, professionalIds, type);
        ValidatedPayload.required(start, "start");
        ValidatedPayload.required(pairs, "pairs");
        pairs.forEach(PairHistory::validate);
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
