package app.rapport.alliance.measures;

import java.util.Map;
import java.util.TreeMap;

/**
 * The answer scale every item of a measure shares: whole numbers from {@code min} to {@code max}, with
 * labels for some points (anchors).
 */
public record Scale(int min, int max, Map<Integer, LocalizedText> anchors) {

    public Scale {
        if (max <= min) {
            throw new IllegalArgumentException("scale max must be above min");
        }
        anchors = anchors == null ? Map.of() : Map.copyOf(new TreeMap<>(anchors));
        for (int point : anchors.keySet()) {
            if (point < min || point > max) {
                throw new IllegalArgumentException("anchor " + point + " is outside the scale " + min + "–" + max);
            }
        }
    }

    public static Scale of(int min, int max) {
        return new Scale(min, max, Map.of());
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** The value a reversed item counts as: the mirror image on the scale. */
    public int reverse(int value) {
        return min + max - value;
    }
}
