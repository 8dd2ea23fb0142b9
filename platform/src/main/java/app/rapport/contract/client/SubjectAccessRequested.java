package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/**
 * A subject-access export was made in client-service. Every other service had already answered its part of the
 * client's data to client-service directly (the export is complete or refused); the event records the request for
 * consumers, and no service acts on it.
 */
public record SubjectAccessRequested(UUID clientId, UUID requestId, String requestedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(requestId, "requestId");
        ValidatedPayload.required(requestedBy, "requestedBy");
    }
}
