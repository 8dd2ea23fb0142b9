package app.rapport.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL itself says about the statements a service runs: {@code pg_stat_statements} for time per statement,
 * and {@code auto_explain} for the plans (EXPLAIN ANALYZE, BUFFERS) of the statements exactly as the service sends
 * them, with its parameters and its prepared-statement plan choices. Both modules ship with PostgreSQL; they are
 * preloaded (a server restart) and write to a log file in the work directory. Explaining is switched on only for a
 * few requests, because timing every plan node costs time.
 */
record QueryPlans(String adminUrl, Path logFile) {

    /** Call before a server restart; the settings take effect when PostgreSQL starts again. */
    static QueryPlans prepare(String adminUrl, Path logDirectory) throws SQLException, IOException {
        Files.createDirectories(logDirectory);
        try (Connection db = DriverManager.getConnection(adminUrl, "postgres", "postgres");
             Statement sql = db.createStatement()) {
            sql.execute("alter system set shared_preload_libraries = 'pg_stat_statements', 'auto_explain'");
            sql.execute("alter system set logging_collector = on");
            sql.execute("alter system set log_directory = '" + logDirectory.toAbsolutePath() + "'");
            sql.execute("alter system set log_filename = 'postgresql.log'");
        }
        return new QueryPlans(adminUrl, logDirectory.resolve("postgresql.log"));
    }

    /** After the restart, in the measured database. */
    void install(String databaseUrl) throws SQLException {
        execute(databaseUrl, "create extension if not exists pg_stat_statements");
    }

    void resetStatistics(String databaseUrl) throws SQLException {
        execute(databaseUrl, "select pg_stat_statements_reset()");
    }

    /** Statements of the measured database by total time: calls, mean and max ms, rows, shared-buffer hits and reads. */
    List<String> statistics(String databaseUrl, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select calls, mean_exec_time, max_exec_time, rows / greatest(calls, 1), shared_blks_hit / greatest(calls, 1),
                            shared_blks_read / greatest(calls, 1), regexp_replace(query, '\\s+', ' ', 'g')
                     from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                     order by total_exec_time desc limit %d""".formatted(limit))) {
            lines.add("| calls | mean ms | max ms | rows/call | buffer hits/call | reads/call | statement |");
            lines.add("|---|---|---|---|---|---|---|");
            while (rows.next()) {
                String query = rows.getString(7);
                lines.add(String.format("| %d | %.2f | %.2f | %d | %d | %d | `%s` |", rows.getLong(1), rows.getDouble(2),
                        rows.getDouble(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                        query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        return lines;
    }

    /** Logs the plan of every statement (EXPLAIN ANALYZE, BUFFERS) while {@code action} runs; returns those plans. */
    String explainDuring(ThrowingRunnable action) throws Exception {
        long before = Files.exists(logFile) ? Files.size(logFile) : 0;
        configure("0", "on");
        try {
            action.run();
        } finally {
            configure("-1", "off");
        }
        Thread.sleep(500); // the logging collector writes asynchronously
        byte[] log = Files.readAllBytes(logFile);
        return new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Reloaded settings reach the service's open connections too. */
    private void configure(String minDuration, String analyze) throws SQLException {
        try (Connection db = DriverManager.getConnection(adminUrl, "postgres", "postgres");
             Statement sql = db.createStatement()) {
            sql.execute("alter system set auto_explain.log_min_duration = " + minDuration);
            sql.execute("alter system set auto_explain.log_analyze = " + analyze);
            sql.execute("alter system set auto_explain.log_buffers = " + analyze);
            sql.execute("select pg_reload_conf()");
        }
        try {
            Thread.sleep(300); // backends pick the reload up between statements
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(String url, String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
             Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }
}
