package app.rapport.alliance.measures;

/**
 * How big a change in a measure's total must be before it counts as real rather than measurement
 * noise. Either a published number of points, or derived (Jacobson &amp; Truax, 1991) from the
 * standard deviation of the total in a reference sample and the measure's reliability:
 * <pre>RC = (x2 − x1) / (SD · √2 · √(1 − r)),  reliable when |RC| &gt; 1.96</pre>
 *
 * @param points published minimum change in points, reliable when the change is at least this; or null
 * @param sd standard deviation of the total (with {@code reliability}), or null
 * @param reliability reliability coefficient r (0 &lt; r &lt; 1), or null
 */
public record ReliableChange(Double points, Double sd, Double reliability) {

    public static final double Z = 1.96;

    public ReliableChange {
        if (points == null && (sd == null || reliability == null)) {
            throw new IllegalArgumentException("a reliable-change value needs points, or SD and reliability");
        }
        if (points != null && points <= 0) {
            throw new IllegalArgumentException("reliable-change points must be positive");
        }
        if (sd != null && sd <= 0) {
            throw new IllegalArgumentException("SD must be positive");
        }
        if (reliability != null && (reliability <= 0 || reliability >= 1)) {
            throw new IllegalArgumentException("reliability must lie strictly between 0 and 1");
        }
    }

    public static ReliableChange points(double points) {
        return new ReliableChange(points, null, null);
    }

    public static ReliableChange derived(double sd, double reliability) {
        return new ReliableChange(null, sd, reliability);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDerived() {
        return points == null;
    }

    /** Standard error of the difference: SD · √2 · √(1 − r). */
    public double standardErrorOfDifference() {
        return sd * Math.sqrt(2) * Math.sqrt(1 - reliability);
    }

    /** The Jacobson–Truax index for a change from {@code before} to {@code after}. */
    public double index(double before, double after) {
        return (after - before) / standardErrorOfDifference();
    }

    /** The change in points that corresponds to the threshold (1.96 · S_diff when derived). */
    public double thresholdPoints() {
        return isDerived() ? Z * standardErrorOfDifference() : points;
    }

    /**
     * Whether a change of {@code before → after} in the worsening direction is reliable. Published points:
     * a change of at least that many points. Derived: |RC| strictly greater than 1.96.
     */
    public boolean isReliableWorsening(double before, double after, boolean higherIsBetter) {
        double worsening = higherIsBetter ? before - after : after - before;
        if (worsening <= 0) {
            return false;
        }
        if (isDerived()) {
            return Math.abs(index(before, after)) > Z;
        }
        return worsening >= points;
    }
}
