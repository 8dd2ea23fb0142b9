package app.rapport.stack.bench;

import app.rapport.stack.Platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the platform's processes, read from /proc/&lt;pid&gt;/stat. On a shared machine
 * throughput depends on what else runs; CPU time per operation does not, so it says what an operation
 * costs and what two idle cores could sustain.
 */
final class CpuTime {

    /** Linux reports times in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double SECONDS_PER_TICK = 0.01;

    private CpuTime() {
    }

    static final String GENERATOR = "load generator";
    static final String CHILDREN = "pgbench";

    /** CPU seconds by part: each service, PostgreSQL, the Kafka broker, this JVM and its finished children. */
    record Split(Map<String, Double> seconds) {

        static Split now(Platform platform) {
            Map<String, Double> parts = new LinkedHashMap<>();
            for (String service : platform.serviceNames()) {
                parts.put(service, ofProcess(platform.servicePid(service)));
            }
            parts.put(Footprint.POSTGRES, ofPostgres(platform));
            parts.put(Footprint.KAFKA, Footprint.kafkaPid().map(CpuTime::ofProcess).orElse(0.0));
            parts.put(GENERATOR, ofThisJvm());
            parts.put(CHILDREN, ofFinishedChildren());
            return new Split(parts);
        }

        Split since(Split earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            seconds.forEach((part, value) -> used.put(part, value - earlier.seconds.getOrDefault(part, 0.0)));
            return new Split(used);
        }

        /** Milliseconds of CPU per operation for each part. */
        Split perOperation(long operations) {
            Map<String, Double> each = new LinkedHashMap<>();
            seconds.forEach((part, value) -> each.put(part, value * 1000.0 / operations));
            return new Split(each);
        }

        double of(String part) {
            return seconds.getOrDefault(part, 0.0);
        }

        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The platform's processes only: everything but this JVM (the load generator) and its children. */
        double platform() {
            return total() - of(GENERATOR) - of(CHILDREN);
        }

        /** e.g. {@code session-service 1.20, notification-service 2.31, ...}, leaving out parts below 0.005. */
        String describe() {
            StringBuilder out = new StringBuilder();
            seconds.forEach((part, value) -> {
                if (value >= 0.005) {
                    out.append(out.length() == 0 ? "" : ", ").append(part).append(' ').append(String.format("%.2f", value));
                }
            });
            return out.toString();
        }
    }

    /** Seconds of CPU used so far by one process (all its threads). */
    static double ofProcess(long pid) {
        long[] times = times(pid);
        return (times[0] + times[1]) * SECONDS_PER_TICK;
    }

    /**
     * The PostgreSQL server: the postmaster, its live processes, and (through the postmaster's
     * children's times) the backends that have already exited.
     */
    static double ofPostgres(Platform platform) {
        Path pidFile = platform.options().workDirectory().resolve("postgres/postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            long postmaster = Long.parseLong(lines.findFirst().orElseThrow().trim());
            long[] own = times(postmaster);
            long ticks = own[0] + own[1] + own[2] + own[3];
            List<Long> live = ProcessHandle.of(postmaster).map(p -> p.descendants().map(ProcessHandle::pid).toList())
                    .orElse(List.of());
            for (long pid : live) {
                long[] child = times(pid);
                ticks += child[0] + child[1];
            }
            return ticks * SECONDS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** This JVM: the load generator and the benchmark's own bookkeeping. */
    static double ofThisJvm() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** Child processes of this JVM that have finished, such as pgbench runs. */
    static double ofFinishedChildren() {
        long[] times = times(ProcessHandle.current().pid());
        return (times[2] + times[3]) * SECONDS_PER_TICK;
    }

    /** utime, stime, cutime, cstime; zeros for a process that has gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name in parentheses (which may hold spaces); utime is field 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException gone) {
            return new long[4];
        }
    }
}
