package app.rapport.stack.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Measured durations (nanoseconds) and their percentiles by the nearest-rank method, in milliseconds. */
public final class Latencies {

    private final List<Long> sorted;

    private Latencies(List<Long> sorted) {
        this.sorted = sorted;
    }

    public static Latencies of(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latencies(sorted);
    }

    /** The smallest value that at least {@code p} % of the measurements do not exceed; p = 100 is the maximum. */
    public double percentileMs(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)) / 1e6;
    }

    public int count() {
        return sorted.size();
    }

    /** The middle value (the mean of the two middle ones for an even count), for medians of repeated runs. */
    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
