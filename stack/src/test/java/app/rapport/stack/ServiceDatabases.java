package app.rapport.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the services' own databases directly, for invariants no API shows: that erased data is gone
 * from every table, or that an event was applied once. Tests only read; the services own the data.
 */
final class ServiceDatabases {

    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "jsonb", "json", "uuid");

    private ServiceDatabases() {
    }

    static Connection connect(String service) throws SQLException {
        String database = PlatformOptions.SERVICE_DATABASES.get(service);
        return DriverManager.getConnection(SystemPlatform.platform().postgres().jdbcUrl(database), "postgres", "postgres");
    }

    /** Every {@code table.column} of the service's tables whose value contains {@code text} in some row. */
    static List<String> columnsContaining(String service, String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = connect(service)) {
            for (String[] column : textColumns(db)) {
                String sql = "select count(*) from " + column[0] + " where " + column[1] + "::text ilike ?";
                try (PreparedStatement query = db.prepareStatement(sql)) {
                    query.setString(1, "%" + text + "%");
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Runs a count query with one parameter against a service's database. */
    static long count(String service, String sql, Object parameter) throws SQLException {
        try (Connection db = connect(service); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Table and column names of every text-like column, Flyway's own history left out. */
    private static List<String[]> textColumns(Connection db) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and table_name <> 'flyway_schema_history' order by table_name, column_name""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (TEXT_TYPES.contains(rows.getString(3))) {
                    columns.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        return columns;
    }
}
