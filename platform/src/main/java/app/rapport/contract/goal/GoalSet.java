package app.rapport.contract.goal;

import app.rapport.contract.ValidatedPayload;

import java.util.List;
import java.util.UUID;

/**
 * A goal was agreed with the client. The goal's words stay in client-service.
 *
 * @param agreedBy user ids of the professionals who agreed it with the client
 */
public record GoalSet(UUID clientId, UUID goalId, List<String> agreedBy, String setBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(goalId, "goalId");
        ValidatedPayload.required(agreedBy, "agreedBy");
        ValidatedPayload.required(setBy, "setBy");
    }
}
