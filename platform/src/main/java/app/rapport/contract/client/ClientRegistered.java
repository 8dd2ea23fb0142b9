package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/**
 * A client was registered. Carries ids and the non-identifying client reference only: consumers
 * that need the name ask client-service, which checks the caller's access.
 *
 * @param registeredBy user id (token subject) of the professional who registered the client
 */
public record ClientRegistered(UUID clientId, String clientReference, String organisationId, String teamId,
                               String registeredBy) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(clientReference, "clientReference");
        ValidatedPayload.required(organisationId, "organisationId");
        ValidatedPayload.required(teamId, "teamId");
        ValidatedPayload.required(registeredBy, "registeredBy");
    }
}
