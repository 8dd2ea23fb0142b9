package app.rapport.sessions.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session to book. Start and end are wall-clock times in {@code timeZone} (IANA, default Europe/London).
 *
 * @param professionalIds user ids of the professionals taking part; each must be in the client's care circle
 * @param language BCP 47 tag of the language the session is held in
 */
public record SessionRequest(
        @NotNull UUID clientId,
        @NotNull @Size(min = 1, max = 8) List<@NotBlank @Size(max = 64) String> professionalIds,
        @NotNull @Pattern(regexp = "therapy|case-management-visit|mdt-meeting|review|other",
                message = "must be one of therapy, case-management-visit, mdt-meeting, review, other") String type,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @Size(max = 64) String timeZone,
        @Size(max = 300) String location,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String remoteLink,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or pl") String language,
        Boolean interpreter) {
}
