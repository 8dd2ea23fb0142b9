package app.rapport.clients.service.privacy;

import app.rapport.clients.domain.Client;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The client row itself: identity, contact, needs, cultural context, preferences, discharge and the
 * record-keeping agreement. Erasing it leaves only the ids that late events and the audit log refer to.
 */
@ApplicationScoped
public class ProfileSection implements PersonalDataSection {

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public Object export(UUID clientId) {
        Client c = Client.findById(clientId);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", c.id);
        profile.put("reference", c.reference);
        profile.put("organisationId", c.organisationId);
        profile.put("teamId", c.teamId);
        profile.put("status", c.status.name().toLowerCase(java.util.Locale.ROOT));
        profile.put("givenName", c.givenName);
        profile.put("familyName", c.familyName);
        profile.put("preferredName", c.preferredName);
        profile.put("dateOfBirth", c.dateOfBirth);
        profile.put("nhsNumber", c.nhsNumber);
        profile.put("phone", c.phone);
        profile.put("email", c.email);
        profile.put("addressLine1", c.addressLine1);
        profile.put("addressLine2", c.addressLine2);
        profile.put("town", c.town);
        profile.put("postcode", c.postcode);
        profile.put("preferredLanguage", c.preferredLanguage);
        profile.put("interpreterNeeded", c.interpreterNeeded);
        profile.put("communicationNeeds", c.communicationNeeds);
        profile.put("accessibilityNeeds", c.accessibilityNeeds);
        profile.put("culturalContext", c.culturalContext);
        profile.put("faithContext", c.faithContext);
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("gender", c.preferredProfessionalGender);
        preferences.put("culturalBackground", c.preferredCulturalBackground);
        preferences.put("directiveness", c.preferredDirectiveness);
        preferences.put("challenge", c.preferredChallenge);
        preferences.put("times", c.preferredTimes);
        preferences.put("settings", c.preferredSettings);
        profile.put("professionalPreferences", preferences);
        profile.put("registeredBy", c.registeredBy);
        profile.put("registeredAt", c.registeredAt);
        profile.put("updatedBy", c.updatedBy);
        profile.put("updatedAt", c.updatedAt);
        profile.put("dischargedOn", c.dischargedOn);
        profile.put("dischargeEnding", c.dischargeEnding);
        profile.put("dischargeReason", c.dischargeReason);
        profile.put("dischargedBy", c.dischargedBy);
        profile.put("recordsSharedWith", c.recordsSharedWith);
        profile.put("recordsRetention", c.recordsRetention);
        profile.put("recordKeepingAgreedOn", c.recordKeepingAgreedOn);
        return profile;
    }

    @Override
    public void erase(UUID clientId) {
        Client c = Client.findById(clientId);
        c.givenName = null;
        c.familyName = null;
        c.preferredName = null;
        c.dateOfBirth = null;
        c.nhsNumber = null;
        c.phone = null;
        c.email = null;
        c.addressLine1 = null;
        c.addressLine2 = null;
        c.town = null;
        c.postcode = null;
        c.preferredLanguage = null;
        c.interpreterNeeded = false;
        c.communicationNeeds = null;
        c.accessibilityNeeds = null;
        c.culturalContext = null;
        c.faithContext = null;
        c.preferredProfessionalGender = null;
        c.preferredCulturalBackground = null;
        c.preferredDirectiveness = null;
        c.preferredChallenge = null;
        c.preferredTimes = null;
        c.preferredSettings = null;
        c.updatedAt = null;
        c.updatedBy = null;
        c.dischargedOn = null;
        c.dischargeEnding = null;
        c.dischargeReason = null;
        c.dischargedBy = null;
        c.recordsSharedWith = null;
        c.recordKeepingAgreedOn = null;
    }
}
