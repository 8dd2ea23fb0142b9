package app.rapport.devkit.testing;

import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.subjectaccess.ClientDataTables;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks every service's subject-access test makes of its {@link ClientDataDefinition}: against its schema, and
 * against its part as served, with a {@link SeededRow} in every covered table.
 */
public final class ClientDataCoverage {

    /** Every part carries the service's audit of the client, so its table is covered without a section. */
    private static final String AUDIT_TABLE = "audit_entry";

    private ClientDataCoverage() {
    }

    /**
     * Asserts that every table with client data is exported or excluded on purpose, and that nothing covered or
     * excluded has gone from the schema.
     *
     * @return the tables with client data, for the caller's checks that the catalogue was read as it expects
     */
    public static Set<String> assertEveryTableAccountedFor(EntityManager entityManager, ClientDataDefinition definition) {
        Set<String> withClientData = QuarkusTransaction.requiringNew().call(() -> ClientDataTables.in(entityManager));
        Set<String> covered = new HashSet<>(Set.of(AUDIT_TABLE));
        definition.sections().forEach(section -> covered.addAll(section.tables()));
        Set<String> unaccounted = new TreeSet<>(withClientData);
        unaccounted.removeAll(covered);
        unaccounted.removeAll(definition.exclusions().keySet());
        assertEquals(Set.of(), unaccounted, "tables with client data that the export neither covers nor excludes");
        Set<String> named = new TreeSet<>(covered);
        named.addAll(definition.exclusions().keySet());
        named.removeAll(withClientData);
        assertEquals(Set.of(), named, "covered or excluded tables that hold no client data (renamed or dropped?)");
        return withClientData;
    }

    /** Asserts that the rows a test seeds reach every table the definition's sections cover, and no other. */
    public static void assertSeedsCoverEveryTable(ClientDataDefinition definition, List<SeededRow> seeds) {
        Set<String> covered = new TreeSet<>();
        definition.sections().forEach(section -> covered.addAll(section.tables()));
        assertEquals(covered, new TreeSet<>(seeds.stream().map(SeededRow::table).toList()), "this test seeds every covered table");
    }

    /** Writes each seed with its id for the client, in the caller's transaction; each must write exactly one row. */
    public static void seed(EntityManager entityManager, UUID client, List<SeededRow> seeds, List<UUID> ids) {
        for (int i = 0; i < seeds.size(); i++) {
            int written = entityManager.createNativeQuery(seeds.get(i).insert()).setParameter("id", ids.get(i))
                    .setParameter("client", client).executeUpdate();
            assertEquals(1, written, seeds.get(i).table());
        }
    }

    /** Asserts that the part shows each seeded row in its section, and that no section of the definition is empty. */
    public static void assertSeededRowsShown(JsonPath part, ClientDataDefinition definition, List<SeededRow> seeds,
                                             List<UUID> ids) {
        for (int i = 0; i < seeds.size(); i++) {
            SeededRow seed = seeds.get(i);
            assertTrue(part.getList("sections." + seed.section() + "." + seed.field()).contains(ids.get(i).toString()),
                    seed.table() + " row in section " + seed.section());
        }
        for (ClientDataSection section : definition.sections()) {
            assertFalse(part.getList("sections." + section.name()).isEmpty(), section.name());
        }
    }
}
