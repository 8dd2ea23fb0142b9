package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.util.List;
import java.util.UUID;

/**
 * A client's record changed. Names which parts changed, not their values, except the two that other
 * services act on: the language to address the client in and whether an interpreter is needed.
 *
 * @param changed names of the changed parts, e.g. {@code contact}, {@code preferredLanguage}
 */
public record ClientUpdated(UUID clientId, String teamId, List<String> changed, String preferredLanguage,
                            Boolean interpreterNeeded, String updatedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(teamId, "teamId");
        ValidatedPayload.required(changed, "changed");
        ValidatedPayload.required(updatedBy, "updatedBy");
    }
}
