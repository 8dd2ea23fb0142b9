package app.rapport.clients.service.privacy;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The ground for erasing, e.g. "Client's request under Article 17, received 3 March". Kept; no personal data please. */
public record ErasureRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String reason) {
}
