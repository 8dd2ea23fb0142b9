package app.rapport.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar stack/target/rapport-stack.jar} from the repository root: the whole platform on
 * this machine with demo data, until Ctrl-C. Starts from a clean {@code target/local-run} each time.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("rapport.root", "")).toAbsolutePath().normalize();
        PlatformOptions options = PlatformOptions.localPorts(repository.resolve("target/local-run"), repository);
        if (!servicesBuilt(options)) {
            System.exit(1);
        }

        Path work = options.workDirectory();
        WorkDirectory.stopLeftoverPostgres(work.resolve("postgres"), LocalRun::say);
        WorkDirectory.delete(work);
        Files.createDirectories(work);
        say("Starting Rapport in " + work);

        // The hook goes in before anything starts, so Ctrl-C during start-up also leaves nothing behind.
        Platform platform = new Platform(options, LocalRun::say);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            say("Stopping Rapport...");
            platform.close();
            say("Stopped; nothing left running.");
            stopped.countDown();
        }, "rapport-stop"));

        try {
            platform.startAll();
            say(String.format("All four services ready in %.1f s", platform.readyIn().toMillis() / 1000.0));
            Demo demo = Demo.load(platform);
            say("Demo data loaded: the Northbridge directory and " + demo.clients().size()
                    + " clients of alice (team north) and bilal (team south), with care circles, consent and cases; "
                    + demo.sessionsBooked() + " sessions (twelve weeks of history with lateness, missed and cancelled "
                    + "sessions, four weeks ahead); alliance histories with rupture episodes and repairs (English, Urdu, "
                    + "Polish)");
            System.out.println(RunSummary.of(platform, demo.clients(), demo.stories()));
        } catch (Exception e) {
            if (stopping.get()) {
                return; // Ctrl-C during start-up: the hook is stopping everything.
            }
            System.err.println("[rapport] Start-up failed: " + (e.getMessage() != null ? e.getMessage() : e));
            System.exit(1); // runs the hook, which stops whatever had started
        }
        stopped.await();
    }

    /** Missing jars are a build step not yet done, not a crash: say which command fixes it. */
    private static boolean servicesBuilt(PlatformOptions options) {
        List<String> missing = options.missingJars();
        if (missing.isEmpty()) {
            return true;
        }
        System.err.println("[rapport] These services are not built yet:");
        missing.forEach(service -> System.err.println("  " + options.serviceJar(service)));
        System.err.println("[rapport] Build everything once, from " + options.repository() + ":");
        System.err.println("  ./mvnw -DskipTests package");
        System.err.println("[rapport] then run again: java -jar stack/target/rapport-stack.jar");
        System.err.println("[rapport] (started elsewhere? point at the repository with -Drapport.root=<path>)");
        return false;
    }

    static void say(String message) {
        System.out.println("[rapport] " + message);
    }
}
