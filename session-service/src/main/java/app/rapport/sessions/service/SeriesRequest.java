package app.rapport.sessions.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A recurring series: the first session and an RFC 5545 RRULE (without the {@code RRULE:} prefix), e.g.
 * {@code FREQ=WEEKLY;COUNT=10} or {@code FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T000000Z}.
 */
public record SeriesRequest(@Valid @NotNull SessionRequest first, @NotBlank @Size(max = 300) String rrule) {
}
