package app.rapport.alliance.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Why a signal fired: the rule (with its comparison), the responses or sessions it looked at, the values it
 * saw and the thresholds it applied. Ids, numbers and codes only, never free text.
 */
public record Evidence(String rule, List<UUID> responseIds, List<UUID> sessionIds, Map<String, Double> observed,
                       Map<String, Double> thresholds, Map<String, String> codes) {

    public Evidence {
        responseIds = List.copyOf(responseIds);
        sessionIds = List.copyOf(sessionIds);
        observed = Map.copyOf(new TreeMap<>(observed));
        thresholds = Map.copyOf(new TreeMap<>(thresholds));
        codes = Map.copyOf(new TreeMap<>(codes));
    }
}
