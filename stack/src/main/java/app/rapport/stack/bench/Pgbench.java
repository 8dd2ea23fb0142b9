package app.rapport.stack.bench;

import app.rapport.devkit.postgres.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own {@code pgbench}, select-only ({@code -S}), against the platform's server: the
 * yardstick for what this machine's database can answer at best while everything else idles.
 */
final class Pgbench {

    static final String DATABASE = "pgbench";
    private static final Path DEBIAN_15 = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** What one run achieved. */
    record Run(double tps, long transactions) {
    }

    private final Path executable;
    private final PostgresServer postgres;

    private Pgbench(Path executable, PostgresServer postgres) {
        this.executable = executable;
        this.postgres = postgres;
    }

    /** Found on the PATH or where Debian's PostgreSQL 15 puts it; empty if this machine has none. */
    static Optional<Pgbench> find(PostgresServer postgres) {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "pgbench"));
        return Stream.concat(onPath, Stream.of(DEBIAN_15)).filter(Files::isExecutable).findFirst()
                .map(path -> new Pgbench(path, postgres));
    }

    Path executable() {
        return executable;
    }

    /** Creates and fills its own database ({@code -i -s scale}). */
    void initialise(int scale) throws Exception {
        postgres.database(DATABASE);
        run(List.of("-i", "-q", "-s", Integer.toString(scale)));
    }

    /** Select-only transactions with {@code clients} connections for {@code seconds}. */
    Run selectOnly(int clients, int seconds) throws IOException, InterruptedException {
        String output = run(List.of("-S", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds)));
        Matcher tps = TPS.matcher(output);
        Matcher transactions = TRANSACTIONS.matcher(output);
        if (!tps.find() || !transactions.find()) {
            throw new IOException("pgbench printed no tps line:\n" + output);
        }
        return new Run(Double.parseDouble(tps.group(1)), Long.parseLong(transactions.group(1)));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(postgres.port()), "-U", PostgresServer.USER));
        command.addAll(arguments);
        command.add(DATABASE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("pgbench " + arguments + " failed:\n" + output);
        }
        return output;
    }
}
