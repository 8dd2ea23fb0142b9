package app.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** A member's role in one client's care circle, as events and APIs spell it. */
public enum CareTeamRole {
    CASE_MANAGER("case-manager"),
    THERAPIST("therapist"),
    SUPPORT_WORKER("support-worker"),
    SOLICITOR("solicitor"),
    FAMILY("family");

    private final String wire;

    CareTeamRole(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CareTeamRole fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown care-team role " + value));
    }
}
