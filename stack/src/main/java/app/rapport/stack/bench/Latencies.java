package app.rapport.stack.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.LongConsumer;

/** Recorded latencies (nanoseconds) and their nearest-rank percentiles in milliseconds. Thread-safe. */
public final class Latencies {

    private long[] values = new long[4096];
    private int size;

    public Latencies() {
    }

    public static Latencies of(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        Latencies latencies = new Latencies();
        nanos.forEach(latencies::add);
        return latencies;
    }

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** Hands every recorded value to {@code sink}, e.g. to pool several runs. */
    public synchronized void values(LongConsumer sink) {
        for (int i = 0; i < size; i++) {
            sink.accept(values[i]);
        }
    }

    /** The smallest value that at least {@code p} % of the measurements do not exceed; p = 100 is the maximum. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }

    /** e.g. {@code p50 3.1 · p90 5.0 · p99 12.4 · p99.9 30.2 · max 41.0 ms} */
    public String summary() {
        return String.format("p50 %.1f · p90 %.1f · p99 %.1f · p99.9 %.1f · max %.1f ms", percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(99.9), percentileMillis(100));
    }
}
