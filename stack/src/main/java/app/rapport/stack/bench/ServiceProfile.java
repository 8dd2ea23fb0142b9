package app.rapport.stack.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a running service spends its CPU: a Java Flight Recorder recording started and stopped with {@code jcmd}
 * on the service's own JVM (no restart, no agent), read back as execution samples. Each sample is charged to the
 * part of the request's work (JWT verification, JSON, the PostgreSQL driver, …) of the innermost frame that belongs
 * to one, so JDK code counts for whoever called it: a big-integer multiplication under the RSA signature check is
 * JWT verification.
 */
record ServiceProfile(long pid, Path recording) {

    private static final String OTHER = "other (JDK and framework code outside these parts, e.g. thread pools)";
    /** Frame class-name prefixes that mark a part of the request's work, in reporting order. */
    private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("JWT verification (SmallRye JWT, jose4j, signature check)", List.of("io.smallrye.jwt", "org.jose4j",
                "sun.security.rsa", "sun.security.ec", "java.security.Signature"));
        PARTS.put("PostgreSQL driver", List.of("org.postgresql"));
        PARTS.put("Hibernate, Agroal pool, transactions", List.of("org.hibernate", "io.agroal", "com.arjuna",
                "io.quarkus.narayana"));
        PARTS.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
        PARTS.put("HTTP (Vert.x, Netty, Quarkus REST)", List.of("io.vertx", "io.netty", "org.jboss.resteasy.reactive"));
        PARTS.put("Rapport code (app.rapport)", List.of("app.rapport"));
    }

    /** Starts recording in the JVM whose command line mentions {@code marker} (e.g. its own temp directory). */
    static ServiceProfile start(String marker, Path recording) throws IOException, InterruptedException {
        long pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("No running JVM mentions " + marker));
        ServiceProfile profile = new ServiceProfile(pid, recording);
        profile.jcmd("JFR.start", "name=bench", "settings=profile");
        return profile;
    }

    /** Stops the recording and sums it up. */
    List<String> stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench", "filename=" + recording.toAbsolutePath());
        return summary(recording);
    }

    static List<String> summary(Path recording) throws IOException {
        Map<String, Integer> parts = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> parts.put(part, 0));
        parts.put(OTHER, 0);
        Map<String, Integer> leaves = new TreeMap<>();
        int samples = 0;
        int nativeSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.NativeMethodSample")) {
                nativeSamples++;
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            parts.merge(partOf(frames), 1, Integer::sum);
            if (!frames.isEmpty()) {
                RecordedFrame top = frames.get(0);
                leaves.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d execution samples of running Java code (and %d of threads in native code, mostly "
                + "waiting on sockets), by the part of the work they were taken in:", samples, nativeSamples));
        int total = Math.max(1, samples);
        parts.forEach((part, count) -> lines.add(String.format("- %s: %.0f %%", part, 100.0 * count / total)));
        lines.add("Hottest methods (where the sample was taken):");
        leaves.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                .forEach(e -> lines.add(String.format("- %s: %.1f %%", e.getKey(), 100.0 * e.getValue() / total)));
        return lines;
    }

    /** The part of the innermost frame that belongs to one; the stack's first frame is the innermost. */
    private static String partOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String className = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                if (part.getValue().stream().anyMatch(className::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return OTHER;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
