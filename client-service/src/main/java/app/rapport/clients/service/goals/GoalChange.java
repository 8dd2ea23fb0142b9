package app.rapport.clients.service.goals;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A change to a goal; absent fields stay as they are. {@code tasks} replaces the whole list. The
 * statement cannot change: it is what was agreed, so different words are a new goal.
 */
public record GoalChange(
        @Pattern(regexp = "active|on-hold|achieved|withdrawn", message = "must be active, on-hold, achieved or withdrawn") String status,
        @Size(max = 20) List<@NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String> tasks,
        LocalDate targetDate) {
}
