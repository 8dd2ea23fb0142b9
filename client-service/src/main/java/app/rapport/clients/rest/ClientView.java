package app.rapport.clients.rest;

import app.rapport.clients.access.Relationship;
import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.service.ProfessionalPreferences;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client as the caller may see them: the whole profile for the case team, contact and
 * preferences for support workers, and only the name and case references for the firm's solicitors.
 * Fields the caller may not see are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(UUID id, String reference, String givenName, String familyName, String preferredName,
                         LocalDate dateOfBirth, String nhsNumber, String phone, String email, String addressLine1,
                         String addressLine2, String town, String postcode, String preferredLanguage,
                         Boolean interpreterNeeded, String communicationNeeds, String accessibilityNeeds,
                         String culturalContext, String faithContext, ProfessionalPreferences professionalPreferences,
                         String organisationId, String teamId, String status, String solicitorReference,
                         String registeredBy, Instant registeredAt, Instant updatedAt, LocalDate dischargedOn,
                         Long version) {

    static ClientView of(Client c, Relationship relationship) {
        return switch (relationship) {
            case SOLICITOR -> new ClientView(c.id, c.reference, c.givenName, c.familyName, c.preferredName, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    status(c), ClientCase.of(c.id).map(cc -> cc.solicitorReference).orElse(null), null, null, null,
                    null, null);
            case SUPPORT_WORKER -> new ClientView(c.id, c.reference, c.givenName, c.familyName, c.preferredName, null,
                    null, c.phone, c.email, c.addressLine1, c.addressLine2, c.town, c.postcode, c.preferredLanguage,
                    c.interpreterNeeded, c.communicationNeeds, c.accessibilityNeeds, c.culturalContext, c.faithContext,
                    preferences(c), c.organisationId, c.teamId, status(c), null, null, null, null, null, null);
            default -> full(c);
        };
    }

    static ClientView full(Client c) {
        return new ClientView(c.id, c.reference, c.givenName, c.familyName, c.preferredName, c.dateOfBirth, c.nhsNumber,
                c.phone, c.email, c.addressLine1, c.addressLine2, c.town, c.postcode, c.preferredLanguage,
                c.interpreterNeeded, c.communicationNeeds, c.accessibilityNeeds, c.culturalContext, c.faithContext,
                preferences(c), c.organisationId, c.teamId, status(c), null, c.registeredBy, c.registeredAt,
                c.updatedAt, c.dischargedOn, c.version);
    }

    private static String status(Client c) {
        return c.status.name().toLowerCase();
    }

    private static ProfessionalPreferences preferences(Client c) {
        ProfessionalPreferences p = new ProfessionalPreferences(c.preferredProfessionalGender,
                c.preferredCulturalBackground, c.preferredDirectiveness, c.preferredChallenge, c.preferredTimes,
                c.preferredSettings);
        return p.equals(new ProfessionalPreferences(null, null, null, null, null, null)) ? null : p;
    }
}
