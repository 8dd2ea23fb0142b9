package app.rapport.alliance.rules;

import app.rapport.alliance.measures.MeasureDefinition;

import java.util.OptionalDouble;

/**
 * When an open rupture episode counts as resolved: a client alliance score that is out of the concern range and
 * no longer reliably below the pair's baseline ("back near baseline"). A measure with neither a cut-off nor a
 * reliable-change value cannot resolve an episode by itself; the professional closes it.
 */
public final class Recovery {

    private Recovery() {
    }

    public static boolean recovered(MeasureDefinition measure, double total, OptionalDouble baseline) {
        if (measure.cutOff() == null && (measure.reliableChange() == null || baseline.isEmpty())) {
            return false;
        }
        if (measure.inConcernRange(total)) {
            return false;
        }
        return baseline.isEmpty() || measure.reliableChange() == null
                || !measure.reliableChange().isReliableWorsening(baseline.getAsDouble(), total,
                measure.direction().higherIsBetter());
    }
}
