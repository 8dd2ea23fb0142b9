package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/**
 * A subject-access export was made in client-service; every other service prepares its own part of
 * the client's data under the same request id.
 */
public record SubjectAccessRequested(UUID clientId, UUID requestId, String requestedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(requestId, "requestId");
        ValidatedPayload.required(requestedBy, "requestedBy");
    }
}
