package app.rapport.clients.service.cases;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A litigation milestone as a solicitor (or their firm's system) or the case team sends it.
 * {@code dueOn} is the date the milestone refers to, e.g. the trial date; required for
 * {@code trial-date-set}.
 */
public record MilestoneRequest(
        @NotNull @Pattern(regexp = MilestoneRequest.KIND_PATTERN, message = "must be one of " + MilestoneRequest.KIND_PATTERN)
        String kind,
        @NotNull LocalDate occurredOn,
        LocalDate dueOn,
        @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String note) {

    /** Mirrors {@code MilestoneRecorded.KINDS}; a test keeps the two in step. */
    public static final String KIND_PATTERN = "proceedings-issued|liability-admitted|liability-denied|trial-date-set"
            + "|interim-payment|settlement|case-closed|other";
}
