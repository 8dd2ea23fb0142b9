package app.rapport.clients.service;

import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds clients the caller is allowed to see: members of the client's care circle, and team leads
 * for their own teams' clients. Anything else is reported as absent, never as forbidden.
 */
@ApplicationScoped
public class ClientDirectory {

    public Optional<Client> visibleTo(Caller caller, UUID clientId) {
        return Client.<Client>findByIdOptional(clientId).filter(client -> canSee(caller, client));
    }

    public boolean canSee(Caller caller, Client client) {
        if (caller.organisationId().filter(client.organisationId::equals).isPresent()
                && caller.hasRole(Roles.TEAM_LEAD) && caller.teamIds().contains(client.teamId)) {
            return true;
        }
        return CareCircleMember.isActiveMember(client.id, caller.userId());
    }

    /** The caller's caseload, ordered by family name then id so pages are stable. */
    public List<Client> caseload(Caller caller, int page, int size) {
        return caseloadQuery(caller).page(Page.of(page, size)).list();
    }

    public long caseloadSize(Caller caller) {
        return caseloadQuery(caller).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Client> caseloadQuery(Caller caller) {
        Sort order = Sort.by("familyName").and("givenName").and("id");
        String member = "id in (select m.clientId from CareCircleMember m where m.userId = :user and m.leftOn is null)";
        if (caller.hasRole(Roles.TEAM_LEAD) && !caller.teamIds().isEmpty() && caller.organisationId().isPresent()) {
            return Client.find(member + " or (organisationId = :org and teamId in :teams)", order,
                    io.quarkus.panache.common.Parameters.with("user", caller.userId())
                            .and("org", caller.organisationId().get())
                            .and("teams", caller.teamIds()));
        }
        return Client.find(member, order, io.quarkus.panache.common.Parameters.with("user", caller.userId()));
    }
}
