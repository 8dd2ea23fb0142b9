package app.rapport.clients.service.goals;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A goal agreed with the client: {@code statement} in their own words, the tasks agreed towards it,
 * and the user ids of the care-circle professionals who agreed it (the client is always a party).
 */
public record GoalRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String statement,
        @Size(max = 20) List<@NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String> tasks,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> agreedBy,
        LocalDate targetDate) {
}
