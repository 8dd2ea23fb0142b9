package app.rapport.notifications.routing;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTableTest {

    private static String shipped() throws IOException {
        try (InputStream in = RoutingTable.class.getResourceAsStream("/app/rapport/notifications/routing-table.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final String HEADER = """
            | event type | reveals | group | urgent | case-manager | therapist | support-worker | solicitor | family |
            |---|---|---|---|---|---|---|---|---|
            """;

    @Test
    void everyContractEventThatConcernsPeopleHasARowAndAllianceNeverReachesTheExcludedRoles() throws IOException {
        Map<String, RoutingRule> rules = RoutingTable.parse(shipped());
        for (EventType type : EventType.values()) {
            boolean bookkeeping = type == EventType.CLIENT_REGISTERED || type == EventType.CLIENT_ERASED
                    || type == EventType.CLIENT_SUBJECT_ACCESS_REQUESTED;
            assertEquals(!bookkeeping, rules.containsKey(type.typeName()), type.typeName());
        }
        rules.values().stream().filter(r -> r.reveals() == DataCategory.ALLIANCE).forEach(rule -> {
            for (CareTeamRole role : RoutingTable.NEVER_TOLD_OF_ALLIANCE) {
                assertEquals(Relevance.NONE, rule.relevanceFor(role), rule.eventType() + " → " + role.wire());
            }
        });
        assertTrue(rules.containsKey("rapport.alliance.rupture-detected.v1"), "alliance rows are ready for the contract");
        assertEquals(Relevance.INVOLVED, rules.get("rapport.alliance.rupture-detected.v1").relevanceFor(CareTeamRole.THERAPIST));
    }

    @Test
    void theDocumentationShowsTheTableThatIsShipped() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "notifications.md"));
        assertTrue(docs.contains(shipped().strip()), "docs/notifications.md must contain routing-table.md verbatim");
    }

    @Test
    void aTableThatWouldTellASolicitorOfARuptureDoesNotLoad() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> RoutingTable.parse(HEADER
                + "| rapport.alliance.rupture-detected.v1 | alliance | alliance | yes | all | involved | - | all | - |\n"));
        assertTrue(refused.getMessage().contains("alliance must never reach solicitor"), refused.getMessage());
    }

    @Test
    void badCellsAreNamed() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RoutingTable.parse(HEADER
                + "| rapport.goal.set.v1 | goals | goals | maybe | all | all | all | - | - |\n"))
                .getMessage().contains("urgent must be yes or no"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RoutingTable.parse(HEADER
                + "| rapport.goal.set.v1 | goals | goals | no | all | some | all | - | - |\n"))
                .getMessage().contains("relevance must be all, involved or -"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RoutingTable.parse(HEADER
                + "| rapport.goal.set.v1 | wishes | goals | no | all | all | all | - | - |\n"))
                .getMessage().contains("unknown data category"));
    }
}
