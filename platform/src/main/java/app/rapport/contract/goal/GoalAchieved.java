package app.rapport.contract.goal;

import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/** The client achieved a goal: a milestone worth telling the care team about. */
public record GoalAchieved(UUID clientId, UUID goalId, LocalDate achievedOn, String recordedBy)
        implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(goalId, "goalId");
        ValidatedPayload.required(achievedOn, "achievedOn");
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
