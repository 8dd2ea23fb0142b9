package app.rapport.stack.bench;

import app.rapport.stack.Platform;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Optional sampling profiles of the services under load, with JDK Flight Recorder started through
 * {@code jcmd}: {@code -Drapport.bench.profile=true} records while a benchmark measures and prints
 * where each recorded service spent its samples. Off by default, since recording costs a little CPU.
 */
final class Profiler {

    private static final int TOP = 20;
    private static final String START_UP = "start-up";

    private final Path directory;
    private final Map<String, Long> recording = new HashMap<>();

    private Profiler(Path directory) {
        this.directory = directory;
    }

    static boolean wanted() {
        return Boolean.getBoolean("rapport.bench.profile");
    }

    /** Starts recording the services if {@code -Drapport.bench.profile=true}; the files go to the work directory. */
    static Optional<Profiler> startIfWanted(Platform platform, String... services) throws IOException, InterruptedException {
        if (!wanted()) {
            return Optional.empty();
        }
        Profiler profiler = new Profiler(Files.createDirectories(platform.options().workDirectory().resolve("profiles")));
        for (String service : services) {
            long pid = platform.servicePid(service);
            jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + profiler.file(service));
            profiler.recording.put(service, pid);
        }
        return Optional.of(profiler);
    }

    /** Stops every recording and prints, per service, the hottest methods by own samples and by samples including callees. */
    void stopAndSummarise() throws IOException, InterruptedException {
        for (var entry : recording.entrySet()) {
            jcmd(entry.getValue(), "JFR.stop", "name=bench");
            summarise(entry.getKey(), file(entry.getKey()));
        }
        recording.clear();
    }

    /** JVM settings that record every service from its launch, for {@link #dumpStartUp}: used before the platform starts. */
    static String recordingFromLaunch() {
        return String.join(" ", Platform.serviceJvmOptions()) + " -XX:StartFlightRecording=name=" + START_UP + ",settings=profile";
    }

    /** Writes and summarises what a service did from its launch until now (it must run with {@link #recordingFromLaunch}). */
    static void dumpStartUp(Platform platform, String service) throws IOException, InterruptedException {
        Path file = Files.createDirectories(platform.options().workDirectory().resolve("profiles"))
                .resolve(service + "-start-up.jfr");
        jcmd(platform.servicePid(service), "JFR.dump", "name=" + START_UP, "filename=" + file);
        summarise(service + " start-up", file);
    }

    private Path file(String service) {
        return directory.resolve(service + ".jfr");
    }

    private static void summarise(String service, Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("app.rapport.") && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
                if (seen.add(packageOf(name))) {
                    packages.merge(packageOf(name), 1, Integer::sum);
                }
            }
        }
        Report.say(service + ": " + samples + " execution samples in " + file);
        print("own samples (the method itself was running)", self, samples);
        print("Rapport methods, samples including what they called", inclusive, samples);
        print("libraries (first three package names), samples including what they called", packages, samples);
    }

    private static String packageOf(String method) {
        String[] parts = method.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 2))) + ".*";
    }

    private static void print(String title, Map<String, Integer> counts, int samples) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
