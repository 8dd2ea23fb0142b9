package app.rapport.clients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Short, non-identifying reference used in notifications and on the phone. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** Null once the client is erased. */
    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "preferred_name")
    public String preferredName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClientStatus status;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "nhs_number")
    public String nhsNumber;

    public String phone;

    public String email;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    public String town;

    public String postcode;

    /** BCP 47 tag, e.g. {@code ur} or {@code pl}. */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    public boolean interpreterNeeded;

    @Column(name = "communication_needs")
    public String communicationNeeds;

    @Column(name = "accessibility_needs")
    public String accessibilityNeeds;

    /** In the client's own words. */
    @Column(name = "cultural_context")
    public String culturalContext;

    @Column(name = "faith_context")
    public String faithContext;

    @Column(name = "pref_professional_gender")
    public String preferredProfessionalGender;

    @Column(name = "pref_cultural_background")
    public String preferredCulturalBackground;

    /** How directive the client likes professionals to be, in their words or e.g. "guide me", "let me lead". */
    @Column(name = "pref_directiveness")
    public String preferredDirectiveness;

    @Column(name = "pref_challenge")
    public String preferredChallenge;

    @Column(name = "pref_times")
    public String preferredTimes;

    @Column(name = "pref_settings")
    public String preferredSettings;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "discharged_on")
    public LocalDate dischargedOn;

    /** {@code planned} or {@code unplanned}. */
    @Column(name = "discharge_ending")
    public String dischargeEnding;

    @Column(name = "discharge_reason")
    public String dischargeReason;

    @Column(name = "discharged_by")
    public String dischargedBy;

    /** Record-keeping agreement: who the client agreed may see their records. */
    @Column(name = "records_shared_with")
    public String recordsSharedWith;

    /** ISO-8601 period the records are kept after discharge, e.g. {@code P8Y}. */
    @Column(name = "records_retention", nullable = false)
    public String recordsRetention = "P8Y";

    @Column(name = "record_keeping_agreed_on")
    public LocalDate recordKeepingAgreedOn;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    @Version
    public long version;

    public boolean isErased() {
        return status == ClientStatus.ERASED;
    }
}
