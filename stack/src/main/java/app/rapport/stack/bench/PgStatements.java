package app.rapport.stack.bench;

import app.rapport.devkit.postgres.PostgresServer;
import app.rapport.stack.Platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's statement statistics ({@code pg_stat_statements}) for profiling runs: which statements
 * an operation sends and what each costs. The module must be preloaded, so enabling it restarts the
 * server once, before any load (the services reconnect by themselves).
 */
final class PgStatements {

    private final Platform platform;

    private PgStatements(Platform platform) {
        this.platform = platform;
    }

    /** Enabled and reset in profiling runs ({@code -Drapport.bench.profile=true}); empty otherwise. */
    static java.util.Optional<PgStatements> enableIfProfiling(Platform platform) throws Exception {
        if (!Profiler.wanted()) {
            return java.util.Optional.empty();
        }
        PgStatements statements = enable(platform);
        statements.reset();
        return java.util.Optional.of(statements);
    }

    static PgStatements enable(Platform platform) throws Exception {
        try (Connection admin = connect(platform, "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            sql.execute("alter system set pg_stat_statements.track = 'all'");
        }
        platform.postgres().stop();
        platform.postgres().start();
        try (Connection admin = connect(platform, "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
        }
        awaitServicesReady(platform);
        Report.say("pg_stat_statements enabled (PostgreSQL restarted once; services ready again)");
        return new PgStatements(platform);
    }

    void reset() throws SQLException {
        try (Connection admin = connect(platform, "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements of one database with the most execution time, with calls per {@code operations}. */
    void print(String database, long operations, int limit) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection admin = connect(platform, "postgres");
             var query = admin.prepareStatement("""
                     select s.calls, s.total_exec_time, s.mean_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')
                     from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = ? order by s.total_exec_time desc limit ?""")) {
            query.setString(1, database);
            query.setInt(2, limit);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String text = result.getString(4).replace("|", "\\|");
                    rows.add(List.of(String.format("%.2f", result.getLong(1) / (double) operations),
                            String.format("%.3f", result.getDouble(3)), String.format("%.0f", result.getDouble(2)),
                            text.length() > 140 ? text.substring(0, 140) + "…" : text));
                }
            }
        }
        Report.say("pg_stat_statements, database " + database + ", per operation (" + operations + " operations):");
        Report.table(List.of("calls per operation", "mean ms", "total ms", "statement"), rows);
    }

    private static Connection connect(Platform platform, String database) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(database), PostgresServer.USER, "postgres");
    }

    private static void awaitServicesReady(Platform platform) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (String service : platform.serviceNames()) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create(platform.managementUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            while (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(service + " is not ready again after PostgreSQL restarted");
                }
                Thread.sleep(200);
            }
        }
    }
}
