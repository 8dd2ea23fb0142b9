package app.rapport.alliance.measures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Who fills a measure in. */
public enum Rater {
    CLIENT("client"),
    PROFESSIONAL("professional"),
    FAMILY("family");

    private final String wire;

    Rater(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Rater fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rater " + value));
    }
}
