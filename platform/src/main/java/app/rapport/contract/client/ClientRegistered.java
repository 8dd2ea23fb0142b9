package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/**
 * A client was registered. Carries ids and the non-identifying client reference only: consumers
 * that need the name ask client-service, which checks the caller's access.
 *
 * @param registeredBy user id (token subject) of the professional who registered the client
 * @param preferredLanguage BCP 47 tag of the language to address the client in (optional)
 * @param interpreterNeeded whether sessions need an interpreter (optional)
 */
public record ClientRegistered(UUID clientId, String clientReference, String organisationId, String teamId,
                               String registeredBy, String preferredLanguage, Boolean interpreterNeeded)
        implements ValidatedPayload {

    /** Without the optional language fields (added within v1). */
    public ClientRegistered(UUID clientId, String clientReference, String organisationId, String teamId,
                            String registeredBy) {
        this(clientId, clientReference, organisationId, teamId, registeredBy, null, null);
    }

    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(clientReference, "clientReference");
        ValidatedPayload.required(organisationId, "organisationId");
        ValidatedPayload.required(teamId, "teamId");
        ValidatedPayload.required(registeredBy, "registeredBy");
    }
}
