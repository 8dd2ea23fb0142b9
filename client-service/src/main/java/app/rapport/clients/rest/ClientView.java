package app.rapport.clients.rest;

import app.rapport.clients.domain.Client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ClientView(UUID id, String reference, String givenName, String familyName, LocalDate dateOfBirth,
                         String organisationId, String teamId, String status, String registeredBy, Instant registeredAt) {

    static ClientView of(Client client) {
        return new ClientView(client.id, client.reference, client.givenName, client.familyName, client.dateOfBirth,
                client.organisationId, client.teamId, client.status.name().toLowerCase(), client.registeredBy,
                client.registeredAt);
    }
}
