package app.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The categories of client data that access rules and consent are expressed in (the rows of the
 * matrix in the design).
 */
public enum DataCategory {
    /** Identity, contact details, preferences and cultural context. */
    IDENTITY("identity"),
    /** Schedule and attendance. */
    SCHEDULE("schedule"),
    /** Goals and progress. */
    GOALS("goals"),
    /** Alliance scores and ruptures. Never shared with solicitors or family. */
    ALLIANCE("alliance"),
    /** Confidential session notes. */
    NOTES("notes"),
    /** Litigation context and milestones. */
    LITIGATION("litigation");

    private final String wire;

    DataCategory(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DataCategory fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data category " + value));
    }
}
