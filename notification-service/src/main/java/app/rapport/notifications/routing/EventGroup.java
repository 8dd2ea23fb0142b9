package app.rapport.notifications.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The groups people set their preferences for (one per row family of the routing table). */
public enum EventGroup {
    CLIENT("client"),
    CARE_CIRCLE("care-circle"),
    CONSENT("consent"),
    GOALS("goals"),
    LITIGATION("litigation"),
    SESSIONS("sessions"),
    ALLIANCE("alliance");

    private final String wire;

    EventGroup(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<EventGroup> find(String value) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(value)).findFirst();
    }

    @JsonCreator
    public static EventGroup fromWire(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown event group " + value));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventGroup::wire).toList();
    }
}
