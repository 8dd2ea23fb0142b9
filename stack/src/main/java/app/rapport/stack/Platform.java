package app.rapport.stack;

import app.rapport.devkit.kafka.KafkaBroker;
import app.rapport.devkit.postgres.PostgresServer;
import app.rapport.devkit.tokens.DevTokenIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The whole platform as separate processes: PostgreSQL with one database per service, a Kafka
 * broker, the development token issuer and the four services. Closing it stops everything.
 * Each start begins afresh: the postgres, kafka, logs and tmp folders of the work directory are emptied.
 *
 * <pre>{@code try (Platform platform = Platform.start(PlatformOptions.freePorts(work, repository))) { ... } }</pre>
 */
public final class Platform implements AutoCloseable {

    private final PlatformOptions options;
    private final Consumer<String> progress;
    /** Start-up steps and close() never overlap, so a Ctrl-C during start-up still stops whatever came up. */
    private final Object lifecycle = new Object();
    private boolean closed;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DevTokenIssuer issuer;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private Duration readyIn = Duration.ZERO;

    Platform(PlatformOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public static Platform start(PlatformOptions options) throws Exception {
        return start(options, message -> { });
    }

    /** Starts everything in order and returns once every service reports ready; on failure stops what it started. */
    public static Platform start(PlatformOptions options, Consumer<String> progress) throws Exception {
        Platform platform = new Platform(options, progress);
        platform.startAll();
        return platform;
    }

    /** For a launcher that must be able to close the platform (from a shutdown hook) while it is still starting. */
    void startAll() throws Exception {
        try {
            startInOrder();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startInOrder() throws Exception {
        List<String> missing = options.missingJars();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Services not built: " + String.join(", ", missing)
                    + ". Build first, from the repository root: ./mvnw -DskipTests package");
        }
        Instant started = Instant.now();
        // Only the parts this class owns are cleared; Kafka refuses to format over an earlier run's storage.
        Path work = options.workDirectory();
        WorkDirectory.stopLeftoverPostgres(work.resolve("postgres"), progress);
        for (String part : List.of("postgres", "kafka", "logs", "tmp")) {
            WorkDirectory.delete(work.resolve(part));
        }
        Path logs = Files.createDirectories(work.resolve("logs"));

        Map<String, String> jdbcUrls = step(() -> {
            postgres = PostgresServer.start(work.resolve("postgres"), options.postgresPort());
            Map<String, String> urls = new LinkedHashMap<>();
            for (var entry : PlatformOptions.SERVICE_DATABASES.entrySet()) {
                urls.put(entry.getKey(), postgres.database(entry.getValue()));
            }
            return urls;
        });
        progress.accept("PostgreSQL ready on 127.0.0.1:" + options.postgresPort() + " (databases: "
                + String.join(", ", PlatformOptions.SERVICE_DATABASES.values()) + ")");

        step(() -> kafka = KafkaBroker.start(work.resolve("kafka"),
                options.kafkaPort(), options.kafkaControllerPort()));
        progress.accept("Kafka broker (KRaft) ready on " + kafka.bootstrapServers());

        step(() -> issuer = DevTokenIssuer.start(options.issuerPort()));
        progress.accept("Development token issuer ready at " + issuer.issuer());

        // Launching is quick; the services then boot side by side and are awaited together.
        step(() -> {
            for (String service : PlatformOptions.SERVICE_DATABASES.keySet()) {
                int port = options.servicePort(service);
                ServiceProcess process = new ServiceProcess(service, options.serviceJar(service), port,
                        environment(jdbcUrls.get(service), port), logs.resolve(service + ".log"),
                        work.resolve("tmp").resolve(service));
                services.put(service, process);
                process.start();
            }
            return null;
        });
        progress.accept("Starting " + String.join(", ", services.keySet()) + " (logs in " + logs + ")");
        awaitReady(started.plus(options.readinessTimeout()));
        readyIn = Duration.between(started, Instant.now());
    }

    private <T> T step(Callable<T> action) throws Exception {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("Platform was closed while starting");
            }
            return action.call();
        }
    }

    private Map<String, String> environment(String jdbcUrl, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("RAPPORT_JWKS_URL", issuer.jwksUrl());
        env.put("RAPPORT_JWT_ISSUER", issuer.issuer());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Services exit by themselves if this launcher dies without closing them.
        env.put("RAPPORT_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        return env;
    }

    /** Each service is awaited on its own thread so a failure is reported as soon as it happens. */
    private void awaitReady(Instant deadline) throws Exception {
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<String>> ready = new ArrayList<>();
            for (ServiceProcess service : services.values()) {
                ready.add(waiters.submit(() -> {
                    service.awaitReady(deadline);
                    progress.accept(service.name() + " ready at " + service.url());
                    return service.name();
                }));
            }
            for (Future<String> future : ready) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    public Set<String> serviceNames() {
        return PlatformOptions.SERVICE_DATABASES.keySet();
    }

    /** e.g. {@code http://127.0.0.1:8081} for client-service. */
    public String serviceUrl(String service) {
        return service(service).url();
    }

    /** The JVM settings services start with: the defaults, or what {@code -Drapport.stack.service-jvm-options} says. */
    public static List<String> serviceJvmOptions() {
        return ServiceProcess.jvmOptions();
    }

    /** The process id of a service's JVM (for reading its memory use). */
    public long servicePid(String service) {
        return service(service).pid();
    }

    /** How long a service took from launching its JVM until it answered ready, for its latest start. */
    public Duration serviceReadyAfterLaunch(String service) {
        return service(service).readyAfterLaunch()
                .orElseThrow(() -> new IllegalStateException(service + " has not been ready since its latest start"));
    }

    public Path logFile(String service) {
        return service(service).logFile();
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public PlatformOptions options() {
        return options;
    }

    /** From the call to start until every service answered ready, infrastructure included. */
    public Duration readyIn() {
        return readyIn;
    }

    /** Kills one service with SIGKILL, as a crash would, starts it again and waits until it is ready. */
    public void crashAndRestart(String service, Duration timeout) throws Exception {
        ServiceProcess process = service(service);
        step(() -> {
            process.kill();
            process.start();
            return null;
        });
        process.awaitReady(Instant.now().plus(timeout));
        progress.accept(service + " restarted and ready at " + process.url());
    }

    private ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name + "; known: " + services.keySet());
        }
        return process;
    }

    /** Stops the services first (they drain and close cleanly), then the infrastructure. Safe to call twice. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            services.values().parallelStream().forEach(ServiceProcess::stop);
            if (kafka != null) {
                kafka.stop();
            }
            if (issuer != null) {
                issuer.close();
            }
            if (postgres != null) {
                try {
                    postgres.stop();
                } catch (IOException e) {
                    progress.accept("PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }
    }
}
