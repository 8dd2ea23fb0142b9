package app.rapport.devkit.testing;

import app.rapport.devkit.kafka.KafkaBroker;
import app.rapport.devkit.postgres.PostgresServer;
import app.rapport.devkit.tokens.DevTokenIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL server, one Kafka broker and one token issuer per test JVM, started on first use
 * on free loopback ports and stopped when the JVM exits. Every test class in a module shares them.
 */
public final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DevTokenIssuer issuer;
    private static Path workDirectory;

    private SharedInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = PostgresServer.start(workDirectory().resolve("postgres"), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            try {
                kafka = KafkaBroker.start(workDirectory().resolve("kafka"), freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kafka;
    }

    public static synchronized DevTokenIssuer tokens() {
        if (issuer == null) {
            try {
                issuer = DevTokenIssuer.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return issuer;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workDirectory() throws IOException {
        if (workDirectory == null) {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            workDirectory = Files.createTempDirectory(base, "rapport-infra-");
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "rapport-infra-stop"));
        }
        return workDirectory;
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (postgres != null) {
            try {
                postgres.stop();
            } catch (IOException ignored) {
                // The JVM is exiting; nothing more can be done.
            }
        }
    }
}
