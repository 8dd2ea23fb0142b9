package app.rapport.stack.bench;

import java.util.Arrays;

/** Recorded latencies (nanoseconds) and the percentiles the reports quote. Thread-safe. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** Hands every recorded value to {@code sink}, e.g. to pool several runs. */
    synchronized void values(java.util.function.LongConsumer sink) {
        for (int i = 0; i < size; i++) {
            sink.accept(values[i]);
        }
    }

    /** The nearest-rank percentile in milliseconds; {@code p} from 0 to 100. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }

    /** e.g. {@code p50 3.1 · p90 5.0 · p99 12.4 · p99.9 30.2 · max 41.0 ms} */
    String summary() {
        return String.format("p50 %.1f · p90 %.1f · p99 %.1f · p99.9 %.1f · max %.1f ms", percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(99.9), percentileMillis(100));
    }
}
