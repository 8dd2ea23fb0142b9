package app.rapport.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One Rapport service running as its own JVM, configured only through its environment, as in production. */
final class ServiceProcess {

    static final String JVM_OPTIONS_PROPERTY = "rapport.stack.service-jvm-options";
    /**
     * Measured (BENCHMARKS.md, B4): a service keeps about 25 MB live, so a 128 MB heap that starts at 32 MB is ample
     * and saves some 60 MB of resident memory per service against a 256 MB one, which the JVM committed (and touched)
     * in full; the C1 compiler alone starts a service on about 40 % less CPU than C1 and C2 together.
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path tmpDirectory;
    private Process process;
    private volatile long launchedAt;
    private volatile Duration readyAfterLaunch;

    ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment, Path logFile,
                   Path tmpDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.tmpDirectory = tmpDirectory;
    }

    /** Launches the JVM; a restart appends to the same log. */
    void start() throws IOException {
        // Each service gets its own temp dir inside the work directory, so nothing is left in /tmp.
        Files.createDirectories(tmpDirectory);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        // Run from the jar's directory, as the container image does.
        command.addAll(List.of("-Djava.io.tmpdir=" + tmpDirectory.toAbsolutePath(), "-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        readyAfterLaunch = null;
        launchedAt = System.nanoTime();
        process = builder.start();
    }

    /**
     * Heap, collector and compiler settings of every service JVM. The system property
     * {@value #JVM_OPTIONS_PROPERTY} replaces them (space-separated), so other settings can be measured.
     */
    static List<String> jvmOptions() {
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS).strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Waits for {@code /q/health/ready} on the management port to answer 200; fails with the log's tail if the process dies or time runs out. */
    void awaitReady(Instant deadline) throws IOException, InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + " before it was ready; "
                        + logTail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfterLaunch = Duration.ofNanos(System.nanoTime() - launchedAt);
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(50); // short, so the measured start-up time is close to the real one
        }
        throw new IOException(name +  " did not answer ready at " + managementUrl() + "/q/health/ready in time; " + logTail());
    }

    /** Stops politely (SIGTERM, so Quarkus shuts down cleanly), then forcibly after ten seconds. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            // Quarkus needs a moment to finish in-flight requests and close its Kafka clients.
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash would. */
    void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics, OpenAPI and Swagger UI: not on the public port. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The operating system's id of the running JVM, e.g. to read its memory from /proc. */
    long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return process.pid();
    }

    /** From launching the JVM until it first answered ready; empty until then. */
    Optional<Duration> readyAfterLaunch() {
        return Optional.ofNullable(readyAfterLaunch);
    }

    Path logFile() {
        return logFile;
    }

    String logTail() {
        try {
            // Decoded leniently: a log with a stray non-UTF-8 byte must still explain the failure.
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return "last 40 lines of " + logFile + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
