package app.rapport.clients.service.goals;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A progress note on a goal; {@code notedOn} defaults to today, {@code progressPercent} is an optional estimate. */
public record ProgressRequest(
        LocalDate notedOn,
        @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String note,
        @Min(0) @Max(100) Integer progressPercent) {
}
