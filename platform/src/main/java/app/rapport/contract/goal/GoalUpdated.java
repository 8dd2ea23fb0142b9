package app.rapport.contract.goal;

import app.rapport.contract.ValidatedPayload;

import java.util.List;
import java.util.UUID;

/**
 * A goal's status or progress changed.
 *
 * @param status {@code active}, {@code on-hold}, {@code achieved} or {@code withdrawn}
 * @param progressPercent the latest progress estimate, 0 to 100, when one was recorded
 */
public record GoalUpdated(UUID clientId, UUID goalId, String status, Integer progressPercent, String updatedBy)
        implements ValidatedPayload {

    public static final List<String> STATUSES = List.of("active", "on-hold", "achieved", "withdrawn");

    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(goalId, "goalId");
        ValidatedPayload.required(status, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        ValidatedPayload.required(updatedBy, "updatedBy");
        if (progressPercent != null && (progressPercent < 0 || progressPercent > 100)) {
            throw new IllegalArgumentException("progressPercent must be 0 to 100");
        }
    }
}
