package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Vocabulary shared by the session events. */
public final class SessionTypes {

    /** Session types as events and APIs spell them. */
    public static final List<String> TYPES = List.of("therapy", "case-management-visit", "mdt-meeting", "review", "other");
    /** Who cancelled a session, or asked for it to be moved. */
    public static final List<String> CANCELLED_BY = List.of("client", "professional");

    private SessionTypes() {
    }

    static void common(UUID sessionId, UUID clientId, Collection<String> professionalIds, String type) {
        ValidatedPayload.required(sessionId, "sessionId");
        ValidatedPayload.required(clientId, "clientId");
        if (professionalIds == null || professionalIds.isEmpty() || professionalIds.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("professionalIds must name at least one professional");
        }
        ValidatedPayload.required(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES);
        }
    }
}
