package app.rapport.clients.service.consent;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The client's record-keeping agreement: who may see their records, how long they are kept after
 * discharge (ISO-8601 period such as {@code P8Y}; {@code P0D} means not kept) and when they agreed.
 */
public record RecordKeepingRequest(
        @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String sharedWith,
        @NotBlank @Size(max = 32) String retention,
        @NotNull LocalDate agreedOn) {
}
