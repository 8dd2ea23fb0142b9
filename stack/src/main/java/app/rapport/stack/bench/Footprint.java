package app.rapport.stack.bench;

import app.rapport.stack.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Memory of the local platform's processes, read from /proc: each service JVM, the PostgreSQL server
 * (postmaster and backends) and the Kafka broker's child JVM. RSS counts shared pages in every process
 * that maps them, which overstates PostgreSQL (shared buffers); PSS shares them out and is the fair sum.
 */
final class Footprint {

    /** Kilobytes resident (VmRSS) and proportional (Pss). */
    record Memory(long rssKb, long pssKb) {
        static final Memory NONE = new Memory(0, 0);

        Memory plus(Memory other) {
            return new Memory(rssKb + other.rssKb, pssKb + other.pssKb);
        }
    }

    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka broker";
    private static final String BROKER_MAIN = "app.rapport.devkit.broker.BrokerMain";
    private static Long kafkaPid;

    private Footprint() {
    }

    /** Each service, PostgreSQL and Kafka, in that order, as they are now. */
    static Map<String, Memory> of(Platform platform) {
        Map<String, Memory> parts = new LinkedHashMap<>();
        for (String service : platform.serviceNames()) {
            parts.put(service, memory(platform.servicePid(service)).orElse(Memory.NONE));
        }
        Memory postgres = Memory.NONE;
        for (long pid : postgresPids(platform.options().workDirectory().resolve("postgres"))) {
            postgres = postgres.plus(memory(pid).orElse(Memory.NONE));
        }
        parts.put(POSTGRES, postgres);
        parts.put(KAFKA, kafkaPid().flatMap(Footprint::memory).orElse(Memory.NONE));
        return parts;
    }

    static Optional<Memory> memory(long pid) {
        try {
            long rss = field(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            long pss = Files.isReadable(rollup) ? field(Files.readAllLines(rollup), "Pss:") : rss;
            return Optional.of(new Memory(rss, pss));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IllegalStateException("no " + name));
    }

    /** The postmaster (first line of postmaster.pid) and every process it started. */
    private static List<Long> postgresPids(Path dataDirectory) {
        List<Long> pids = new ArrayList<>();
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of).ifPresent(postmaster -> {
                pids.add(postmaster.pid());
                postmaster.descendants().forEach(child -> pids.add(child.pid()));
            });
        } catch (IOException | RuntimeException stopped) {
            // PostgreSQL is not running (any more): nothing to count.
        }
        return pids;
    }

    /** The broker runs in a child JVM of this launcher; found once (finding it reads every process). */
    static synchronized Optional<Long> kafkaPid() {
        if (kafkaPid == null || ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive).isEmpty()) {
            kafkaPid = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                    .filter(pid -> commandLine(pid).contains(BROKER_MAIN)).findFirst().orElse(null);
        }
        return Optional.ofNullable(kafkaPid);
    }

    /** Read from /proc: {@link ProcessHandle.Info} leaves out the arguments of long command lines. */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }
}
