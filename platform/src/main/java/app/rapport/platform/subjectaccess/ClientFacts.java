package app.rapport.platform.subjectaccess;

import app.rapport.contract.CareTeamRole;

import java.util.Optional;

/** What a service knows about a client and the caller from its read model, enough to apply {@link ExportRule}. */
public record ClientFacts(String organisationId, String teamId, Optional<CareTeamRole> callerMembership) {
}
