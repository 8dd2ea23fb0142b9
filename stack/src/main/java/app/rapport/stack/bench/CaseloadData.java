package app.rapport.stack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills alliance-service's database (schema already migrated by Flyway) with the B5 data set from
 * {@code bench/caseload-data.sql}. Constraints and indexes are dropped for the load and built again afterwards from
 * their own definitions, so whatever the migrations define is what is measured (and the generated data must satisfy
 * the keys); then VACUUM ANALYZE, as autovacuum would have done on a database that grew over years.
 */
final class CaseloadData {

    /** How much to generate; {@code measuredCaseManagers} case managers get exactly 40 open cases each. */
    record Sizes(int clients, long sessions, long responses, int measuredCaseManagers) {
    }

    /** A case manager (or the lead of a team) whose caseload view is measured. */
    record Measured(String userId, String organisationId, String teamId) {
    }

    record Generated(List<Measured> caseManagers, List<Measured> teams, Map<String, String> tableSizes) {
    }

    private static final List<String> TABLES = List.of("client_ref", "care_circle_member", "erased_client",
            "feedback_response", "feedback_link", "rupture_episode", "rupture_signal", "repair_attempt",
            "client_cancellation", "consent_decision", "processed_event");

    private CaseloadData() {
    }

    static Generated generate(String jdbcUrl, Sizes sizes, Consumer<String> progress) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement sql = db.createStatement()) {
            long empty = count(sql, "select count(*) from client_ref");
            if (empty != 0) {
                throw new IllegalStateException("alliance database is not empty (" + empty + " clients)");
            }
            // Parallel workers would consume the seeded random sequence in no fixed order.
            sql.execute("set max_parallel_workers_per_gather = 0");
            sql.execute("set synchronous_commit = off");
            sql.execute("set work_mem = '128MB'");
            sql.execute("set maintenance_work_mem = '256MB'");
            sql.execute("select set_config('bench.clients', '" + sizes.clients() + "', false), "
                    + "set_config('bench.sessions', '" + sizes.sessions() + "', false), "
                    + "set_config('bench.responses', '" + sizes.responses() + "', false), "
                    + "set_config('bench.measured_case_managers', '" + sizes.measuredCaseManagers() + "', false)");

            List<String> rebuild = dropKeysAndIndexes(sql);
            for (Step step : steps()) {
                long started = System.nanoTime();
                sql.execute(step.sql());
                progress.accept(String.format("  %5.1f s  %s", (System.nanoTime() - started) / 1e9, step.label()));
            }
            long started = System.nanoTime();
            for (String statement : rebuild) {
                sql.execute(statement);
            }
            sql.execute("vacuum analyze");
            progress.accept(String.format("  %5.1f s  keys, foreign keys and indexes built again (%d), vacuum analyze",
                    (System.nanoTime() - started) / 1e9, rebuild.size()));

            List<Measured> caseManagers = measured(sql, "select m.user_id, 'org-' || t.org_no, 'team-' || t.team_no"
                    + " from bench_cm m join bench_team t using (team_no) where m.cm_no <= " + sizes.measuredCaseManagers()
                    + " order by m.cm_no");
            List<Measured> teams = measured(sql, "select null, 'org-' || t.org_no, 'team-' || t.team_no from bench_team t"
                    + " where t.team_no in (select distinct team_no from bench_cm where cm_no <= " + sizes.measuredCaseManagers()
                    + ") order by t.team_no");
            sql.execute("drop table bench_cm, bench_team");
            return new Generated(caseManagers, teams, tableSizes(sql));
        }
    }

    /**
     * Drops the tables' foreign keys, primary and unique keys and other indexes (building them once at the end is
     * far quicker than maintaining them row by row); returns the statements that create them again, in order.
     */
    private static List<String> dropKeysAndIndexes(Statement sql) throws SQLException {
        String tables = "array['" + String.join("','", TABLES) + "']::regclass[]";
        List<String> drops = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        // Foreign keys go first and come back last; keys before indexes, so a key's own index is built once.
        try (ResultSet rows = sql.executeQuery("""
                select conrelid::regclass, conname, pg_get_constraintdef(oid), contype from pg_constraint
                where conrelid = any(%s) and contype in ('f', 'p', 'u')
                order by case contype when 'f' then 0 else 1 end, conname""".formatted(tables))) {
            List<String> foreignKeys = new ArrayList<>();
            while (rows.next()) {
                String alter = "alter table " + rows.getString(1);
                drops.add(alter + " drop constraint " + rows.getString(2));
                String add = alter + " add constraint " + rows.getString(2) + " " + rows.getString(3);
                (rows.getString(4).equals("f") ? foreignKeys : rebuild).add(add);
            }
            rebuild.addAll(foreignKeys);
        }
        try (ResultSet rows = sql.executeQuery("""
                select i.indexrelid::regclass, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = any(%s) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""".formatted(tables))) {
            while (rows.next()) {
                drops.add("drop index " + rows.getString(1));
                rebuild.add(rows.getString(2));
            }
        }
        for (String drop : drops) {
            sql.execute(drop);
        }
        return rebuild;
    }

    private static Map<String, String> tableSizes(Statement sql) throws SQLException {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (ResultSet row = sql.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size('" + table + "'))"
                    + " from " + table)) {
                row.next();
                sizes.put(table, String.format("%,d rows, %s with indexes", row.getLong(1), row.getString(2)));
            }
        }
        try (ResultSet row = sql.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
            row.next();
            sizes.put("whole database", row.getString(1));
        }
        return sizes;
    }

    private static List<Measured> measured(Statement sql, String query) throws SQLException {
        List<Measured> measured = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                measured.add(new Measured(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return measured;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A statement of the script, labelled with the comment line before it (or its own first line). */
    record Step(String label, String sql) {
    }

    /** The script's statements, each ending with ';' at the end of a line; comment lines are labels, not SQL. */
    static List<Step> steps() throws IOException {
        String script;
        try (InputStream in = CaseloadData.class.getResourceAsStream("/bench/caseload-data.sql")) {
            if (in == null) {
                throw new IOException("bench/caseload-data.sql is missing from the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String label = null;
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                if (current.isEmpty() && label == null) {
                    label = line.strip().substring(2).strip(); // the first line of the comment before a statement
                }
                continue;
            }
            if (current.isEmpty() && line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                steps.add(new Step(label != null ? label : statement.lines().findFirst().orElse(""), statement));
                current.setLength(0);
                label = null;
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("bench/caseload-data.sql ends without ';': " + current);
        }
        return steps;
    }
}
