package app.rapport.clients.service.privacy;

import java.util.UUID;

/**
 * One part of what client-service holds about a client (profile, care circle, consent, goals,
 * case...). The subject-access export asks every section for its data, and erasure asks every
 * section to remove it, so a new kind of data cannot be forgotten by either.
 */
public interface PersonalDataSection {

    /** The key of this section in the export document, e.g. {@code consent}. */
    String name();

    /** Everything this section holds about the client, as plain JSON-ready values. */
    Object export(UUID clientId);

    /** Removes the client's personal data from this section; runs inside the erasure transaction. */
    void erase(UUID clientId);
}
