package app.rapport.clients.service;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ClientStatus;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caller's caseload: clients whose care circle includes them, their teams' clients for team
 * leads, and for solicitors the clients whose case names their firm. Ordered by family name, given
 * name and id, so pages are stable.
 */
@ApplicationScoped
public class ClientDirectory {

    public record CaseloadFilter(Optional<String> name, Optional<ClientStatus> status, Optional<String> teamId) {
    }

    public List<Client> caseload(Caller caller, CaseloadFilter filter, int page, int size) {
        return query(caller, filter).page(Page.of(page, size)).list();
    }

    public long caseloadSize(Caller caller, CaseloadFilter filter) {
        return query(caller, filter).count();
    }

    private PanacheQuery<Client> query(Caller caller, CaseloadFilter filter) {
        Parameters parameters = Parameters.with("user", caller.userId());
        List<String> reach = new ArrayList<>();
        reach.add("id in (select m.clientId from CareCircleMember m where m.userId = :user and m.leftOn is null)");
        if (caller.organisationId().isPresent()) {
            if (caller.hasRole(Roles.TEAM_LEAD) && !caller.teamIds().isEmpty()) {
                reach.add("(organisationId = :org and teamId in :teams)");
                parameters.and("teams", caller.teamIds());
            }
            if (caller.hasRole(Roles.SOLICITOR) || caller.hasRole(Roles.SOLICITOR_SYSTEM)) {
                reach.add("id in (select c.clientId from ClientCase c where c.firmId = :org)");
            }
            // Bound only when used: Hibernate refuses a parameter the query does not name.
            if (reach.size() > 1) {
                parameters.and("org", caller.organisationId().get());
            }
        }
        List<String> conditions = new ArrayList<>();
        conditions.add("(" + String.join(" or ", reach) + ")");
        conditions.add("status <> :erased");
        parameters.and("erased", ClientStatus.ERASED);
        filter.status().ifPresent(status -> {
            conditions.add("status = :status");
            parameters.and("status", status);
        });
        filter.teamId().ifPresent(team -> {
            conditions.add("teamId = :team");
            parameters.and("team", team);
        });
        filter.name().map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty()).ifPresent(name -> {
            conditions.add("(lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(preferredName) like :name escape '\\' or reference = :reference)");
            parameters.and("name", "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.and("reference", name.toUpperCase(Locale.ROOT));
        });
        Sort order = Sort.by("familyName").and("givenName").and("id");
        return Client.find(String.join(" and ", conditions), order, parameters);
    }
}
