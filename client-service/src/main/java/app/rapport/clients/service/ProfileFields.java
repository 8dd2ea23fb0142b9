package app.rapport.clients.service;

import app.rapport.clients.domain.Client;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Copies a profile onto a client and names the parts that changed (for client.updated). */
final class ProfileFields {

    private ProfileFields() {
    }

    static List<String> apply(ClientProfile profile, Client client) {
        List<String> changed = new ArrayList<>();
        ProfessionalPreferences prefs = profile.professionalPreferences() != null ? profile.professionalPreferences()
                : new ProfessionalPreferences(null, null, null, null, null, null);
        String nhs = app.rapport.clients.validation.NhsNumbers.normalise(trim(profile.nhsNumber()));
        String postcode = trim(profile.postcode()) == null ? null : trim(profile.postcode()).toUpperCase(java.util.Locale.ROOT);
        boolean interpreter = Boolean.TRUE.equals(profile.interpreterNeeded());

        track(changed, "name", !Objects.equals(client.givenName, trim(profile.givenName()))
                || !Objects.equals(client.familyName, trim(profile.familyName()))
                || !Objects.equals(client.preferredName, trim(profile.preferredName())));
        track(changed, "dateOfBirth", !Objects.equals(client.dateOfBirth, profile.dateOfBirth()));
        track(changed, "nhsNumber", !Objects.equals(client.nhsNumber, nhs));
        track(changed, "contact", !Objects.equals(client.phone, trim(profile.phone()))
                || !Objects.equals(client.email, trim(profile.email())));
        track(changed, "address", !Objects.equals(client.addressLine1, trim(profile.addressLine1()))
                || !Objects.equals(client.addressLine2, trim(profile.addressLine2()))
                || !Objects.equals(client.town, trim(profile.town()))
                || !Objects.equals(client.postcode, postcode));
        track(changed, "preferredLanguage", !Objects.equals(client.preferredLanguage, profile.preferredLanguage()));
        track(changed, "interpreterNeeded", client.interpreterNeeded != interpreter);
        track(changed, "needs", !Objects.equals(client.communicationNeeds, trim(profile.communicationNeeds()))
                || !Objects.equals(client.accessibilityNeeds, trim(profile.accessibilityNeeds())));
        track(changed, "culturalContext", !Objects.equals(client.culturalContext, trim(profile.culturalContext()))
                || !Objects.equals(client.faithContext, trim(profile.faithContext())));
        track(changed, "professionalPreferences",
                !Objects.equals(client.preferredProfessionalGender, trim(prefs.gender()))
                        || !Objects.equals(client.preferredCulturalBackground, trim(prefs.culturalBackground()))
                        || !Objects.equals(client.preferredDirectiveness, trim(prefs.directiveness()))
                        || !Objects.equals(client.preferredChallenge, trim(prefs.challenge()))
                        || !Objects.equals(client.preferredTimes, trim(prefs.times()))
                        || !Objects.equals(client.preferredSettings, trim(prefs.settings())));

        client.givenName = trim(profile.givenName());
        client.familyName = trim(profile.familyName());
        client.preferredName = trim(profile.preferredName());
        client.dateOfBirth = profile.dateOfBirth();
        client.nhsNumber = nhs;
        client.phone = trim(profile.phone());
        client.email = trim(profile.email());
        client.addressLine1 = trim(profile.addressLine1());
        client.addressLine2 = trim(profile.addressLine2());
        client.town = trim(profile.town());
        client.postcode = postcode;
        client.preferredLanguage = profile.preferredLanguage();
        client.interpreterNeeded = interpreter;
        client.communicationNeeds = trim(profile.communicationNeeds());
        client.accessibilityNeeds = trim(profile.accessibilityNeeds());
        client.culturalContext = trim(profile.culturalContext());
        client.faithContext = trim(profile.faithContext());
        client.preferredProfessionalGender = trim(prefs.gender());
        client.preferredCulturalBackground = trim(prefs.culturalBackground());
        client.preferredDirectiveness = trim(prefs.directiveness());
        client.preferredChallenge = trim(prefs.challenge());
        client.preferredTimes = trim(prefs.times());
        client.preferredSettings = trim(prefs.settings());
        return changed;
    }

    private static void track(List<String> changed, String part, boolean differs) {
        if (differs) {
            changed.add(part);
        }
    }

    /** Surrounding white space is never meaningful; an empty value is no value. */
    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
