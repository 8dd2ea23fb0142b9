package app.rapport.notifications.routing;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;

import java.util.Map;

/**
 * One row of the routing table: for one event type, what it reveals about the client, which
 * preference group it belongs to, whether it is urgent (quiet hours do not hold it), and for each
 * care-circle role whether it is relevant.
 */
public record RoutingRule(String eventType, DataCategory reveals, EventGroup group, boolean urgent,
                          Map<CareTeamRole, Relevance> relevance) {

    public Relevance relevanceFor(CareTeamRole role) {
        return relevance.getOrDefault(role, Relevance.NONE);
    }

    public boolean routesToAnyone() {
        return relevance.values().stream().anyMatch(r -> r != Relevance.NONE);
    }
}
