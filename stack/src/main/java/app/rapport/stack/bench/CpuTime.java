package app.rapport.stack.bench;

import app.rapport.stack.Platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** CPU seconds so far of one service, PostgreSQL, this JVM (the load generator) and its finished children (pgbench). */
    record Split(double service, double postgres, double generator, double children) {

        static Split now(Platform platform, String service) {
            return new Split(ofProcess(platform.servicePid(service)), ofPostgres(platform), ofThisJvm(), ofFinishedChildren());
        }

        Split since(Split earlier) {
            return new Split(service - earlier.service, postgres - earlier.postgres, generator - earlier.generator,
                    children - earlier.children);
        }

        /** Milliseconds of CPU per operation for each part. */
        Split perOperation(long operations) {
            double scale = 1000.0 / operations;
            return new Split(service * scale, postgres * scale, generator * scale, children * scale);
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
