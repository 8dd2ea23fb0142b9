package app.rapport.clients.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a goal stands. Achieved and withdrawn are final: the achievement has been announced
 * (goal.achieved) and a withdrawn goal was given up with the client, so pursuing it again means
 * agreeing a new goal, which keeps the history honest.
 */
public enum GoalStatus {
    ACTIVE,
    ON_HOLD,
    ACHIEVED,
    WITHDRAWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<GoalStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    public boolean isFinal() {
        return this == ACHIEVED || this == WITHDRAWN;
    }

    /** The statuses a goal in this status may move to. */
    public Set<GoalStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(ON_HOLD, ACHIEVED, WITHDRAWN);
            case ON_HOLD -> Set.of(ACTIVE, ACHIEVED, WITHDRAWN);
            case ACHIEVED, WITHDRAWN -> Set.of();
        };
    }
}
