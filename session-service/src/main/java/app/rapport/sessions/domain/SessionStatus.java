package app.rapport.sessions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** scheduled → attended | cancelled | missed | rescheduled; every status but scheduled is final. */
public enum SessionStatus {
    SCHEDULED,
    ATTENDED,
    CANCELLED,
    MISSED,
    RESCHEDULED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != SCHEDULED;
    }

    /** Whether a session in this status keeps its professionals' time booked. */
    public boolean holdsTime() {
        return this == SCHEDULED || this == ATTENDED;
    }
}
