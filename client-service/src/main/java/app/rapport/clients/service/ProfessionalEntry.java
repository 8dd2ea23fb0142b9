package app.rapport.clients.service;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A professional as an organisation admin enters them: the user id is their identity provider subject. */
public record ProfessionalEntry(
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String userId,
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String displayName,
        @NotBlank @Pattern(regexp = "case-manager|team-lead|therapist|support-worker|solicitor",
                message = "must be one of case-manager, team-lead, therapist, support-worker, solicitor") String role,
        @Size(max = 80) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String discipline,
        @Email @Size(max = 254) String email,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String> teamIds,
        Boolean active) {
}
