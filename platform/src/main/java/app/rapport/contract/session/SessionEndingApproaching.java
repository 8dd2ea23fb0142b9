package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.util.UUID;

/**
 * Few contracted sessions remain for a client–professional pair: time to plan the ending together.
 */
public record SessionEndingApproaching(UUID contractId, UUID clientId, String professionalId, int sessionsAgreed,
                                       int sessionsUsed, int sessionsLeft) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(contractId, "contractId");
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(professionalId, "professionalId");
        if (sessionsAgreed < 1 || sessionsUsed < 0 || sessionsLeft < 0) {
            throw new IllegalArgumentException("session counts must not be negative and at least one session is agreed");
        }
    }
}
