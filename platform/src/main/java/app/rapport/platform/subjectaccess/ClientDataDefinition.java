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
public interface ClientDataDefinition {

    /** The client's organisation and team and the caller's membership of the circle; empty if the client is unknown. */
    Optional<ClientFacts> facts(UUID clientId, String callerId);

    List<ClientDataSection> sections();

    /** Table name → why its client data is not in the export. */
    Map<String, String> exclusions();
}
