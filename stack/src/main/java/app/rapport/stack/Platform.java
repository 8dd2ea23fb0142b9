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
 * broker, the development token issuer, the four services and the web client in front of them.
 * Closing it stops everything.
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
    /** The services this platform runs: all of them, unless a benchmark asked for fewer. */
    private final Set<String> selected;
    private ServiceProcess webClient;
    private Duration readyIn = Duration.ZERO;

    Platform(PlatformOptions options, Consumer<String> progress) {
        this(options, progress, PlatformOptions.SERVICE_DATABASES.keySet());
    }

    private Platform(PlatformOptions options, Consumer<String> progress, Set<String> selected) {
        this.options = options;
        this.progress = progress;
        this.selected = selected;
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

    /** The infrastructure and only the named services, e.g. the one service a benchmark measures. */
    public static Platform startServices(PlatformOptions options, Set<String> services, Consumer<String> progress)
            throws Exception {
        if (!PlatformOptions.SERVICE_DATABASES.keySet().containsAll(services)) {
            throw new IllegalArgumentException("Unknown services in " + services + "; known: "
                    + PlatformOptions.SERVICE_DATABASES.keySet());
        }
        Platform platform = new Platform(options, progress, Set.copyOf(services));
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
            for (String service : serviceNames()) {
                int port = options.servicePort(service);
                ServiceProcess process = new ServiceProcess(service, options.serviceJar(service), port,
                        options.managementPort(service), environment(service, jdbcUrls.get(service), port), logs.resolve(service + ".log"),
                        work.resolve("tmp").resolve(service));
                services.put(service, process);
                process.start();
            }
            return null;
        });
        progress.accept("Starting " + String.join(", ", services.keySet()) + " (logs in " + logs + ")");
        awaitReady(started.plus(options.readinessTimeout()));
        readyIn = Duration.between(started, Instant.now());
        // The web client forwards to every service, so a platform of some services only (a benchmark) has none.
        if (services.keySet().containsAll(PlatformOptions.SERVICE_DATABASES.keySet())) {
            startWebClient(logs, started.plus(options.readinessTimeout()).plus(Duration.ofSeconds(30)));
        }
    }

    /** Fifth process: the single-page app and the /api front door, signing people in through the development issuer. */
    private void startWebClient(Path logs, Instant deadline) throws Exception {
        step(() -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(options.webClientPort()));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(options.managementPort(PlatformOptions.WEB_CLIENT)));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("RAPPORT_WEB_AUTH_MODE", "development");
            env.put("RAPPORT_DEV_ISSUER_URL", issuer.issuer());
            env.put("RAPPORT_CLIENT_SERVICE_URL", serviceUrl("client-service"));
            env.put("RAPPORT_SESSION_SERVICE_URL", serviceUrl("session-service"));
            env.put("RAPPORT_ALLIANCE_SERVICE_URL", serviceUrl("alliance-service"));
            env.put("RAPPORT_NOTIFICATION_SERVICE_URL", serviceUrl("notification-service"));
            env.put("RAPPORT_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            webClient = new ServiceProcess(PlatformOptions.WEB_CLIENT, options.serviceJar(PlatformOptions.WEB_CLIENT),
                    options.webClientPort(), options.managementPort(PlatformOptions.WEB_CLIENT), env,
                    logs.resolve("web-client.log"), options.workDirectory().resolve("tmp/web-client"));
            webClient.start();
            return null;
        });
        webClient.awaitReady(deadline);
        progress.accept("web-client ready at " + webClient.url());
    }

    private <T> T step(Callable<T> action) throws Exception {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("Platform was closed while starting");
            }
            return action.call();
        }
    }

    private Map<String, String> environment(String service, String jdbcUrl, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("RAPPORT_JWKS_URL", issuer.jwksUrl());
        env.put("RAPPORT_JWT_ISSUER", issuer.issuer());
        // Every absolute URL a service emits (Location, feeds, links) starts with the front door, wherever it listens.
        env.put("RAPPORT_PUBLIC_BASE_URL", webClientUrl());
        // client-service composes subject-access exports and audit views from the other services' parts.
        env.put("RAPPORT_SESSION_SERVICE_URL", "http://127.0.0.1:" + options.servicePort("session-service"));
        env.put("RAPPORT_ALLIANCE_SERVICE_URL", "http://127.0.0.1:" + options.servicePort("alliance-service"));
        env.put("RAPPORT_NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + options.servicePort("notification-service"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(options.managementPort(service)));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        // Services exit by themselves if this launcher dies without closing them.
        env.put("RAPPORT_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        env.putAll(options.serviceEnvironment(service));
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

    /** The services running, in start-up order. */
    public Set<String> serviceNames() {
        Set<String> names = new java.util.LinkedHashSet<>(PlatformOptions.SERVICE_DATABASES.keySet());
        names.retainAll(selected);
        return names;
    }

    /** e.g. {@code http://127.0.0.1:8081} for client-service. */
    public String serviceUrl(String service) {
        return service(service).url();
    }

    /** e.g. {@code http://127.0.0.1:9081} for client-service: its health, metrics, OpenAPI and Swagger UI. */
    public String managementUrl(String service) {
        return service(service).managementUrl();
    }

    /** e.g. {@code http://127.0.0.1:9080}: the web client's health and metrics. */
    public String webClientManagementUrl() {
        return "http://127.0.0.1:" + options.managementPort(PlatformOptions.WEB_CLIENT);
    }

    /** e.g. {@code http://127.0.0.1:8080}: the single-page app and its /api front door. */
    public String webClientUrl() {
        return "http://127.0.0.1:" + options.webClientPort();
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

    /** Kills the Kafka broker as a crash would; its data and port are kept for {@link #startKafka()}. */
    public void stopKafka() throws Exception {
        step(() -> {
            kafka.stop();
            progress.accept("Kafka broker stopped");
            return null;
        });
    }

    public void startKafka() throws Exception {
        step(() -> {
            kafka.start();
            progress.accept("Kafka broker started again on " + kafka.bootstrapServers());
            return null;
        });
    }

    /** Stops PostgreSQL and starts it again on the same port and data directory: every open connection is lost. */
    public void restartPostgres(Duration downFor) throws Exception {
        step(() -> {
            postgres.stop();
            progress.accept("PostgreSQL stopped");
            return null;
        });
        Thread.sleep(downFor.toMillis());
        step(() -> {
            postgres.start();
            progress.accept("PostgreSQL started again on 127.0.0.1:" + postgres.port());
            return null;
        });
    }

    /** Waits until every service answers ready again, e.g. after an outage of the broker or the database. */
    public void awaitReady(Duration timeout) throws Exception {
        awaitReady(Instant.now().plus(timeout));
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
            if (webClient != null) {
                webClient.stop();
            }
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
