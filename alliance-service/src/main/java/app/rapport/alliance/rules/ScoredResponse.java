package app.rapport.alliance.rules;

import java.time.Instant;
import java.util.UUID;

/** A scored response as the rules see it. */
public record ScoredResponse(UUID id, String measureId, Instant at, double total, double percentOfMax,
                             boolean inConcernRange) {
}
