package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.time.Instant;
import java.util.UUID;

/** The client's personal data was erased from client-service; every other service erases its own. */
public record ClientErased(UUID clientId, Instant erasedAt, String erasedBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(erasedAt, "erasedAt");
        ValidatedPayload.required(erasedBy, "erasedBy");
    }
}
