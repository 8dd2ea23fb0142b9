package app.rapport.platform.subjectaccess;

import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of a service's database that hold data about clients, read from PostgreSQL's catalogue: every table
 * with a {@code client_id} column, and every table with a foreign key to one of those (rows that belong to a client
 * through their parent, such as an episode's signals). A new table of either kind shows up here without anyone
 * listing it, which is what lets a test refuse tables the export does not cover.
 */
public final class ClientDataTables {

    private ClientDataTables() {
    }

    public static Set<String> in(EntityManager entityManager) {
        @SuppressWarnings("unchecked")
        List<String> direct = entityManager.createNativeQuery("""
                select distinct c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'client_id'
                """).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> references = entityManager.createNativeQuery("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = current_schema()
                """).getResultList();
        Set<String> tables = new TreeSet<>(direct);
        boolean grew = true;
        while (grew) {
            Set<String> reached = new HashSet<>();
            for (Object[] reference : references) {
                if (tables.contains((String) reference[1]) && !tables.contains((String) reference[0])) {
                    reached.add((String) reference[0]);
                }
            }
            grew = tables.addAll(reached);
        }
        return tables;
    }
}
