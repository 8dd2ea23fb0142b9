package app.rapport.clients.service.consent;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision the client made about one category of their data and one recipient: everyone in a
 * care-circle role ({@code recipientRole}) or one member of their circle ({@code recipientMemberId}),
 * exactly one of the two. Category and role are read as text so that an unknown value is answered
 * with the list of known ones.
 */
public record ConsentRequest(
        @NotBlank @Size(max = 32) String category,
        @Size(max = 32) String recipientRole,
        UUID recipientMemberId,
        @NotBlank @Pattern(regexp = "granted|withdrawn", message = "must be granted or withdrawn") String decision,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String note) {
}
