package app.rapport.clients.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/** One row of a caseload: enough to recognise the client and open their record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientListItem(UUID id, String reference, String givenName, String familyName, String preferredName,
                             String preferredLanguage, Boolean interpreterNeeded, String teamId, String status) {

    static ClientListItem of(ClientView view) {
        return new ClientListItem(view.id(), view.reference(), view.givenName(), view.familyName(), view.preferredName(),
                view.preferredLanguage(), view.interpreterNeeded(), view.teamId(), view.status());
    }
}
