package app.rapport.clients.service;

import app.rapport.clients.validation.Text;
import app.rapport.contract.CareTeamRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Someone joining a client's care circle: a professional from the directory by user id, or a family
 * member by name and relationship.
 */
public record NewMember(
        @NotNull CareTeamRole role,
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String userId,
        @Size(max = 80) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String discipline,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String displayName,
        @Size(max = 80) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String relationship,
        @Pattern(regexp = Text.PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 254) String email,
        LocalDate joinedOn) {
}
