package app.rapport.clients.service;

import java.time.LocalDate;

/** What a professional supplies to register a client; already validated at the API edge. */
public record NewClient(String givenName, String familyName, LocalDate dateOfBirth, String teamId) {
}
