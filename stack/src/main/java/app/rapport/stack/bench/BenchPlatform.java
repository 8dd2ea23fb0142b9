package app.rapport.stack.bench;

import app.rapport.stack.DemoData;
import app.rapport.stack.Platform;
import app.rapport.stack.PlatformOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Path;
import java.time.Duration;

/** Starts the platform for one benchmark, as the local run does: separate JVMs on real PostgreSQL and Kafka. */
final class BenchPlatform {

    private BenchPlatform() {
    }

    /** In {@code target/bench/<name>} of the repository ({@code -Drapport.root}, default the current directory). */
    static Platform start(String name) throws Exception {
        Path repository = Path.of(System.getProperty("rapport.root", "")).toAbsolutePath().normalize();
        Report.say("Starting the platform (load average " + Report.loadAverage() + ")");
        // A busy shared machine can take minutes to boot four JVMs at once.
        Platform platform = Platform.start(PlatformOptions.freePorts(repository.resolve("target/bench").resolve(name), repository)
                .withReadinessTimeout(Duration.ofMinutes(5)), Report::say);
        Report.say(String.format("All four services ready in %.1f s", platform.readyIn().toMillis() / 1000.0));
        new DemoData(platform.issuer(), platform.serviceUrl("client-service")).load(); // the directory, and a warm-up
        Report.say("Demo directory and caseload loaded");
        return platform;
    }

    /** One event loop is plenty for the load generator and keeps it from competing with the services for CPU. */
    static Vertx vertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(60_000));
    }
}
