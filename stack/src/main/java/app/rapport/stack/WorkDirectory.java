package app.rapport.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Leaves a work directory as if no earlier run had used it. */
final class WorkDirectory {

    private WorkDirectory() {
    }

    /**
     * A launcher killed outright (kill -9) cannot stop its PostgreSQL, which then keeps the port and
     * locks the data directory. Kafka and the services stop by themselves; PostgreSQL is stopped here.
     */
    static void stopLeftoverPostgres(Path dataDirectory, Consumer<String> progress) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover;
        try (Stream<String> lines = Files.lines(pidFile)) {
            leftover = lines.findFirst().map(String::trim).filter(pid -> pid.matches("\\d+"))
                    .map(Long::parseLong).flatMap(ProcessHandle::of)
                    .filter(WorkDirectory::isPostgres); // the pid may since have gone to an unrelated process
        }
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        progress.accept("Stopping PostgreSQL left over from a previous run (pid " + postmaster.pid() + ")");
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroy();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            postmaster.destroyForcibly();
        }
        backends.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
