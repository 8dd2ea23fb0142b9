package app.rapport.alliance.rules;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Set;

/**
 * The life of a rupture episode: detected → acknowledged → repair recorded (one or more) → resolved, or closed
 * unresolved from any open state (e.g. an unplanned ending). Resolution by recovered scores may happen in any open
 * state: a rupture can mend before anyone writes it down.
 */
public enum EpisodeState {
    DETECTED("detected"),
    ACKNOWLEDGED("acknowledged"),
    REPAIR_RECORDED("repair-recorded"),
    RESOLVED("resolved"),
    CLOSED_UNRESOLVED("closed-unresolved");

    private final String wire;

    EpisodeState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED_UNRESOLVED;
    }

    public boolean canMoveTo(EpisodeState next) {
        return switch (this) {
            case DETECTED -> Set.of(ACKNOWLEDGED, RESOLVED, CLOSED_UNRESOLVED).contains(next);
            case ACKNOWLEDGED -> Set.of(REPAIR_RECORDED, RESOLVED, CLOSED_UNRESOLVED).contains(next);
            case REPAIR_RECORDED -> Set.of(REPAIR_RECORDED, RESOLVED, CLOSED_UNRESOLVED).contains(next);
            case RESOLVED, CLOSED_UNRESOLVED -> false;
        };
    }
}
