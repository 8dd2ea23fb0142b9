package app.rapport.sessions.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Kinds of session, spelt as in the contract ({@code app.rapport.contract.session.SessionTypes#TYPES}). */
public enum SessionType {
    THERAPY("therapy"),
    CASE_MANAGEMENT_VISIT("case-management-visit"),
    MDT_MEETING("mdt-meeting"),
    REVIEW("review"),
    OTHER("other");

    private final String wire;

    SessionType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SessionType fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of therapy, case-management-visit, mdt-meeting, review, other"));
    }
}
