package app.rapport.platform.subjectaccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's answer to "what do you hold about this client": one bean per service. The sections list what is
 * exported; the exclusions name the tables with client data that are deliberately not, each with the reason. A
 * table with client data on neither list fails the service's coverage test ({@link ClientDataTables}).
 */
public abstract class ClientDataDefinition {

    private final List<ClientDataSection> sections;
    private final Map<String, String> exclusions;

    protected ClientDataDefinition(List<ClientDataSection> sections, Map<String, String> exclusions) {
        this.sections = List.copyOf(sections);
        this.exclusions = Map.copyOf(exclusions);
    }

    /** Why a read model is left out: client-service holds the original, and its part of the export carries it. */
    protected static String copiedFromClientService(String what) {
        return "read model: a copy of " + what + " from client-service, which exports the original";
    }

    /** The client's organisation and team and the caller's membership of the circle; empty if the client is unknown. */
    public abstract Optional<ClientFacts> facts(UUID clientId, String callerId);

    public List<ClientDataSection> sections() {
        return sections;
    }

    /** Table name → why its client data is not in the export. */
    public Map<String, String> exclusions() {
        return exclusions;
    }
}
