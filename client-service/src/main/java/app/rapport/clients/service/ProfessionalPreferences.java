package app.rapport.clients.service;

import app.rapport.clients.validation.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the client would like in the professionals who work with them, in their own words. */
public record ProfessionalPreferences(
        @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String gender,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String culturalBackground,
        @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String directiveness,
        @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String challenge,
        @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String times,
        @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.NO_CONTROL) String settings) {
}
