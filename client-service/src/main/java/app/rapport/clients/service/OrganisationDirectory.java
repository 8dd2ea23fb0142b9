package app.rapport.clients.service;

import app.rapport.clients.domain.Organisation;
import app.rapport.clients.domain.Professional;
import app.rapport.clients.domain.Team;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Organisations, their teams and their professionals, managed by organisation admins. An admin manages their own
 * organisation and the directory of each law firm their organisation registered (its keeper). Any admin may read a
 * law firm's entry, but only its keeper and the firm's own admins see or change its teams and people. Anyone else is
 * told a case-management organisation does not exist.
 */
@ApplicationScoped
public class OrganisationDirectory {

    /** Login roles a professional in the directory can have. */
    public static final Set<String> PROFESSIONAL_ROLES = Set.of("case-manager", "team-lead", "therapist",
            "support-worker", "solicitor");

    @Inject
    Caller caller;

    @Transactional
    public Organisation read(String organisationId) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(organisationId)
                .orElseThrow(() -> ProblemException.notFound("Organisation " + organisationId));
        if (!isOwn(organisationId) && organisation.kind != Organisation.Kind.LAW_FIRM) {
            throw ProblemException.notFound("Organisation " + organisationId);
        }
        return organisation;
    }

    /** Creates or renames an organisation: the admin's own (case management) or a law firm. */
    @Transactional
    public Organisation save(String organisationId, String name, Organisation.Kind kind) {
        boolean own = isOwn(organisationId);
        // An admin's own organisation may be either kind (a law firm's admins keep their own firm); any other is a firm.
        if (!own && kind != Organisation.Kind.LAW_FIRM) {
            throw ProblemException.invalidField("kind", "other organisations you register are law firms");
        }
        Organisation organisation = Organisation.<Organisation>findByIdOptional(organisationId).orElseGet(() -> {
            Organisation created = new Organisation();
            created.id = organisationId;
            created.kind = kind;
            created.createdAt = Instant.now();
            created.registeredBy = own ? null : caller.organisationId().orElse(null);
            return created;
        });
        if (!own && organisation.kind != Organisation.Kind.LAW_FIRM) {
            // Another case-management organisation: as for reading it, it does not exist for this admin.
            throw ProblemException.notFound("Organisation " + organisationId);
        }
        if (!own) {
            requireKeeperOf(organisation);
        }
        if (organisation.kind != kind) {
            throw new ProblemException(Problem.of(409, "organisation-kind", "Organisation kind cannot change",
                    organisationId + " is registered as " + organisation.kind.name().toLowerCase().replace('_', '-')));
        }
        organisation.name = name.strip();
        organisation.persist();
        return organisation;
    }

    /** Any admin may see a law firm, but only the organisation that registered it changes it. */
    private void requireKeeperOf(Organisation lawFirm) {
        if (lawFirm.registeredBy == null || !caller.organisationId().map(lawFirm.registeredBy::equals).orElse(false)) {
            throw new ProblemException(Problem.of(403, "law-firm-kept-elsewhere", "Law firm kept by another organisation",
                    lawFirm.name + " was registered by another organisation, whose admins keep its entry"));
        }
    }

    @Transactional
    public List<Team> teams(String organisationId) {
        managed(organisationId);
        return Team.list("organisationId = ?1 order by name, id", organisationId);
    }

    @Transactional
    public Team saveTeam(String organisationId, String teamId, String name) {
        managed(organisationId);
        Team team = Team.<Team>findByIdOptional(teamId).orElseGet(() -> {
            Team created = new Team();
            created.id = teamId;
            created.organisationId = organisationId;
            created.createdAt = Instant.now();
            return created;
        });
        if (!team.organisationId.equals(organisationId)) {
            throw new ProblemException(Problem.of(409, "team-id-taken", "Team id in use", "Choose another team id"));
        }
        if (Team.count("organisationId = ?1 and name = ?2 and id <> ?3", organisationId, name.strip(), teamId) > 0) {
            throw new ProblemException(Problem.of(409, "team-name-taken", "Team name in use",
                    "Another team of this organisation is already called " + name.strip()));
        }
        team.name = name.strip();
        team.persist();
        return team;
    }

    @Transactional
    public List<Professional> professionals(String organisationId) {
        managed(organisationId);
        return Professional.list("organisationId = ?1 order by displayName, userId", organisationId);
    }

    /** Adds or updates a professional of the admin's own organisation, or of a registered law firm. */
    @Transactional
    public Professional saveProfessional(String organisationId, ProfessionalEntry entry) {
        Organisation organisation = managed(organisationId);
        boolean lawFirm = organisation.kind == Organisation.Kind.LAW_FIRM;
        if (lawFirm != entry.role().equals("solicitor")) {
            throw ProblemException.invalidField("role", lawFirm ? "people of a law firm are solicitors"
                    : "solicitors belong to law firms, not to " + organisation.name);
        }
        for (String teamId : entry.teamIds()) {
            if (Team.count("id = ?1 and organisationId = ?2", teamId, organisationId) == 0) {
                throw ProblemException.invalidField("teamIds", "no team " + teamId + " in " + organisation.name);
            }
        }
        Optional<Professional> existing = Professional.findByIdOptional(entry.userId());
        if (existing.isPresent() && !existing.get().organisationId.equals(organisationId)) {
            throw new ProblemException(Problem.of(409, "user-in-other-organisation", "User belongs elsewhere",
                    "User " + entry.userId() + " is registered with another organisation"));
        }
        Professional professional = existing.orElseGet(() -> {
            Professional created = new Professional();
            created.userId = entry.userId();
            created.organisationId = organisationId;
            created.createdAt = Instant.now();
            return created;
        });
        professional.displayName = entry.displayName().strip();
        professional.role = entry.role();
        professional.discipline = ProfileFields.trim(entry.discipline());
        professional.email = ProfileFields.trim(entry.email());
        professional.active = entry.active() == null || entry.active();
        professional.teamIds.clear();
        professional.teamIds.addAll(entry.teamIds());
        professional.persist();
        return professional;
    }

    private boolean isOwn(String organisationId) {
        return caller.organisationId().filter(organisationId::equals).isPresent();
    }

    /**
     * The organisation whose directory the caller may see and change: their own, or a law firm their organisation
     * keeps. Another admin's law firm is refused as kept elsewhere (any admin can already see that it exists); any
     * other organisation does not exist for the caller.
     */
    private Organisation managed(String organisationId) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(organisationId)
                .orElseThrow(() -> ProblemException.notFound("Organisation " + organisationId));
        if (isOwn(organisationId)) {
            return organisation;
        }
        if (organisation.kind != Organisation.Kind.LAW_FIRM) {
            throw ProblemException.notFound("Organisation " + organisationId);
        }
        requireKeeperOf(organisation);
        return organisation;
    }
}
