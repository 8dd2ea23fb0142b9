package app.rapport.devkit.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft combined mode, run from Maven Central jars in a child JVM.
 * The child exits by itself when this JVM goes away. Stop and start keep the port and the data.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/app/rapport/devkit/broker/broker.classpath";
    private static final String MAIN = "app.rapport.devkit.broker.BrokerMain";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = directory.resolve("broker.log");
    }

    /** Formats fresh storage in {@code directory} and starts the broker on {@code port}. */
    public static KafkaBroker start(Path directory, int port, int controllerPort) throws IOException {
        Files.createDirectories(directory);
        KafkaBroker broker = new KafkaBroker(directory, port, controllerPort);
        broker.writeConfig();
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java(MAIN, config().toString()).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true).start();
        awaitPort(Duration.ofSeconds(60));
    }

    /** Stops the broker the hard way (as a crash would) and waits until it is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private Path config() {
        return directory.resolve("server.properties");
    }

    private void writeConfig() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1",
                "") ;
        Files.writeString(config(), properties);
    }

    private void format() throws IOException {
        // As one argument: a random id may start with "-", which would otherwise be read as an option.
        Process formatting = java("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(), "-c", config().toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IOException("Kafka storage format failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.level=WARN");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Djava.io.tmpdir=" + directory);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    /** The broker's jars, as resolved by the build, plus the launcher's own jar. */
    static String classpath() {
        URL resource = KafkaBroker.class.getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("Broker classpath not found; build the devkit/kafka-broker module first");
        }
        try (InputStream in = resource.openStream()) {
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return jars + java.io.File.pathSeparator + ownLocation(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownLocation(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                String jar = url.substring(4, url.indexOf("!/"));
                return Path.of(new URL(jar).toURI()).toString();
            }
            // Running from target/classes in the reactor: strip the resource path.
            Path file = Path.of(resource.toURI());
            return file.toString().substring(0, file.toString().length() - CLASSPATH_RESOURCE.length());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot locate the broker launcher", e);
        }
    }

    private void awaitPort(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited during start-up; see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IOException("Kafka broker did not open port " + port + " within " + timeout + "; see " + logFile);
    }
}
