package app.rapport.notifications.routing;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.notifications.config.NotificationsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who should hear about what: event type × care-circle role → relevant or not, read from a Markdown
 * table (the same table the documentation shows). Adding an event type is adding a row; rows for
 * types the contract does not know yet are kept and used as soon as events of that type arrive.
 */
@ApplicationScoped
@Startup
public class RoutingTable {

    /** What a rupture reveals never reaches these roles, whatever the table or the client's consent say. */
    static final Set<CareTeamRole> NEVER_TOLD_OF_ALLIANCE = EnumSet.of(CareTeamRole.SOLICITOR,
            CareTeamRole.SUPPORT_WORKER, CareTeamRole.FAMILY);

    private static final List<String> FIXED_COLUMNS = List.of("event type", "reveals", "group", "urgent");

    private final Map<String, RoutingRule> rules;

    @Inject
    public RoutingTable(NotificationsConfig config) {
        this(load(config.routingTable()));
    }

    RoutingTable(Map<String, RoutingRule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public Optional<RoutingRule> rule(String eventType) {
        return Optional.ofNullable(rules.get(eventType));
    }

    public Map<String, RoutingRule> rules() {
        return rules;
    }

    private static Map<String, RoutingRule> load(String resource) {
        try (InputStream in = RoutingTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Routing table " + resource + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Routing table " + resource + " cannot be read", e);
        }
    }

    /** Reads a Markdown table: a header naming the fixed columns then one column per role, a separator, rows. */
    public static Map<String, RoutingRule> parse(String markdown) {
        List<List<String>> lines = markdown.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(RoutingTable::cells).toList();
        if (lines.size() < 2) {
            throw new IllegalStateException("Routing table has no rows");
        }
        List<String> header = lines.get(0);
        if (!header.subList(0, Math.min(4, header.size())).equals(FIXED_COLUMNS)) {
            throw new IllegalStateException("Routing table columns must start with " + FIXED_COLUMNS + ", got " + header);
        }
        List<CareTeamRole> roles = header.subList(4, header.size()).stream().map(CareTeamRole::fromWire).toList();
        if (!EnumSet.copyOf(roles).equals(EnumSet.allOf(CareTeamRole.class)) || roles.size() != CareTeamRole.values().length) {
            throw new IllegalStateException("Routing table needs one column for each role " + Arrays.toString(CareTeamRole.values()));
        }
        Map<String, RoutingRule> rules = new LinkedHashMap<>();
        for (List<String> row : lines.subList(2, lines.size())) {
            String where = "routing table row " + row;
            if (row.size() != header.size()) {
                throw new IllegalStateException(where + ": expected " + header.size() + " cells");
            }
            try {
                Map<CareTeamRole, Relevance> relevance = new EnumMap<>(CareTeamRole.class);
                for (int i = 0; i < roles.size(); i++) {
                    relevance.put(roles.get(i), Relevance.fromCell(row.get(4 + i)));
                }
                RoutingRule rule = new RoutingRule(row.get(0), DataCategory.fromWire(row.get(1)),
                        EventGroup.fromWire(row.get(2)), yesNo(row.get(3)), relevance);
                check(rule);
                if (rules.put(rule.eventType(), rule) != null) {
                    throw new IllegalStateException("appears twice");
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static void check(RoutingRule rule) {
        if (rule.reveals() == DataCategory.ALLIANCE || rule.reveals() == DataCategory.NOTES) {
            for (CareTeamRole role : NEVER_TOLD_OF_ALLIANCE) {
                if (rule.relevanceFor(role) != Relevance.NONE) {
                    throw new IllegalStateException(rule.reveals().wire() + " must never reach " + role.wire());
                }
            }
        }
    }

    private static boolean yesNo(String cell) {
        return switch (cell) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("urgent must be yes or no (got " + cell + ")");
        };
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
