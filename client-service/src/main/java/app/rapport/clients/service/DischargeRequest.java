package app.rapport.clients.service;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** How the client's work with the team ended. {@code dischargedOn} defaults to today (UK time). */
public record DischargeRequest(
        @NotNull @Pattern(regexp = "planned|unplanned", message = "must be planned or unplanned") String ending,
        @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String reason,
        LocalDate dischargedOn) {
}
