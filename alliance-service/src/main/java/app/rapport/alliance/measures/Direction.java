package app.rapport.alliance.measures;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a measure's totals get better: every comparison of scores (concern side, drops, change) reads this. */
public enum Direction {
    HIGHER_IS_BETTER("higher-is-better"),
    HIGHER_IS_WORSE("higher-is-worse");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean higherIsBetter() {
        return this == HIGHER_IS_BETTER;
    }
}
