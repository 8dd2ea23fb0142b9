package app.rapport.clients.service;

import app.rapport.clients.validation.NhsNumber;
import app.rapport.clients.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The editable part of a client's record, used to register a client and to replace their profile.
 * Ids, owners, status and audit fields are set by the server and cannot be sent. {@code teamId}
 * chooses the team at registration (needed only by people in several teams) and moves the client
 * to another of the caller's teams on update.
 */
public record ClientProfile(
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String givenName,
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String familyName,
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String preferredName,
        @Past(message = "must be in the past") LocalDate dateOfBirth,
        @NhsNumber String nhsNumber,
        @Pattern(regexp = Text.PHONE, message = "must be a phone number (digits, spaces, brackets, an optional leading +)") String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String addressLine1,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String addressLine2,
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String town,
        @Pattern(regexp = Text.UK_POSTCODE, message = "must be a UK postcode, e.g. LS1 4AP") String postcode,
        @Pattern(regexp = Text.LANGUAGE_TAG, message = "must be a language tag such as en, ur or pt-BR") String preferredLanguage,
        Boolean interpreterNeeded,
        @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String communicationNeeds,
        @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String accessibilityNeeds,
        @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String culturalContext,
        @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String faithContext,
        @Valid ProfessionalPreferences professionalPreferences,
        @Size(max = 64) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String teamId) {
}
