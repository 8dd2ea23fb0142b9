package app.rapport.stack;

import app.rapport.devkit.testing.SharedInfrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the platform runs: its work directory, the repository holding the packaged services, every
 * port (each process has a public port and a management port for health, metrics and the API description), how long the services may take to become ready, and any settings a service gets on top of
 * the platform's own (e.g. system tests point notification-service at their own SMTP server).
 */
public record PlatformOptions(Path workDirectory, Path repository, int postgresPort, int kafkaPort,
                              int kafkaControllerPort, int issuerPort, Map<String, Integer> servicePorts,
                              int webClientPort, Duration readinessTimeout,
                              Map<String, Map<String, String>> serviceEnvironment, Map<String, Integer> managementPorts) {

    /** The browser's front door, started after the services it forwards to. */
    public static final String WEB_CLIENT = "web-client";

    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(120);

    /** The services in start-up and display order, with the database each one owns. */
    public static final Map<String, String> SERVICE_DATABASES;

    static {
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put("client-service", "clients");
        databases.put("session-service", "sessions");
        databases.put("alliance-service", "alliance");
        databases.put("notification-service", "notifications");
        SERVICE_DATABASES = Collections.unmodifiableMap(databases);
    }

    public PlatformOptions {
        if (!servicePorts.keySet().equals(SERVICE_DATABASES.keySet())) {
            throw new IllegalArgumentException("Need a port for each of " + SERVICE_DATABASES.keySet());
        }
        servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
        if (!SERVICE_DATABASES.keySet().containsAll(serviceEnvironment.keySet())) {
            throw new IllegalArgumentException("Settings for unknown services: " + serviceEnvironment.keySet());
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        serviceEnvironment.forEach((service, settings) -> copy.put(service, Map.copyOf(settings)));
        serviceEnvironment = Collections.unmodifiableMap(copy);
        if (!managementPorts.keySet().equals(processes())) {
            throw new IllegalArgumentException("Need a management port for each of " + processes());
        }
        managementPorts = Collections.unmodifiableMap(new LinkedHashMap<>(managementPorts));
    }

    /** The services and the web client: every process with a public and a management port. */
    public static Set<String> processes() {
        Set<String> processes = new java.util.LinkedHashSet<>(SERVICE_DATABASES.keySet());
        processes.add(WEB_CLIENT);
        return processes;
    }

    /** The documented local ports, so the URLs in the README work: management ports are the public ones plus 1000. */
    public static PlatformOptions localPorts(Path workDirectory, Path repository) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        int port = 8081;
        for (String service : SERVICE_DATABASES.keySet()) {
            management.put(service, port + 1000);
            ports.put(service, port++);
        }
        management.put(WEB_CLIENT, 9080);
        return new PlatformOptions(workDirectory, repository, 15432, 19092, 19093, 8090, ports, 8080,
                DEFAULT_READINESS_TIMEOUT, Map.of(), management);
    }

    /** Free ports everywhere, so a test run never collides with a local run or another test. */
    public static PlatformOptions freePorts(Path workDirectory, Path repository) {
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICE_DATABASES.keySet()) {
            ports.put(service, distinctFreePort(taken));
        }
        Map<String, Integer> management = new LinkedHashMap<>();
        for (String process : processes()) {
            management.put(process, distinctFreePort(taken));
        }
        return new PlatformOptions(workDirectory, repository, distinctFreePort(taken), distinctFreePort(taken),
                distinctFreePort(taken), distinctFreePort(taken), ports, distinctFreePort(taken), DEFAULT_READINESS_TIMEOUT,
                Map.of(), management);
    }

    public PlatformOptions withReadinessTimeout(Duration timeout) {
        return new PlatformOptions(workDirectory, repository, postgresPort, kafkaPort, kafkaControllerPort,
                issuerPort, servicePorts, webClientPort, timeout, serviceEnvironment, managementPorts);
    }

    /** Adds environment variables for one service; they win over the platform's own. */
    public PlatformOptions withServiceEnvironment(String service, Map<String, String> settings) {
        servicePort(service);
        Map<String, Map<String, String>> all = new LinkedHashMap<>(serviceEnvironment);
        Map<String, String> merged = new LinkedHashMap<>(all.getOrDefault(service, Map.of()));
        merged.putAll(settings);
        all.put(service, merged);
        return new PlatformOptions(workDirectory, repository, postgresPort, kafkaPort, kafkaControllerPort,
                issuerPort, servicePorts, webClientPort, readinessTimeout, all, managementPorts);
    }

    /** The extra environment of one service (empty when it has none). */
    public Map<String, String> serviceEnvironment(String service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    public int servicePort(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No service " + service + "; known: " + servicePorts.keySet());
        }
        return port;
    }

    /** The management port (health, metrics, OpenAPI) of a service or of the web client. */
    public int managementPort(String process) {
        Integer port = managementPorts.get(process);
        if (port == null) {
            throw new IllegalArgumentException("No process " + process + "; known: " + managementPorts.keySet());
        }
        return port;
    }

    /** Where Quarkus puts the runnable jar of a service module (or of the web client). */
    public Path serviceJar(String service) {
        return repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The services (and the web client) whose jar has not been built yet. */
    public List<String> missingJars() {
        return java.util.stream.Stream.concat(SERVICE_DATABASES.keySet().stream(), java.util.stream.Stream.of(WEB_CLIENT))
                .filter(module -> !Files.isRegularFile(serviceJar(module))).toList();
    }

    // The OS may hand the same free port out twice in quick succession; every listener needs its own.
    private static int distinctFreePort(Set<Integer> taken) {
        while (true) {
            int port = SharedInfrastructure.freePort();
            if (taken.add(port)) {
                return port;
            }
        }
    }
}
