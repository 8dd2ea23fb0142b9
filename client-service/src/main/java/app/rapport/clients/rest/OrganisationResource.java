package app.rapport.clients.rest;

import app.rapport.clients.domain.Organisation;
import app.rapport.clients.domain.Professional;
import app.rapport.clients.domain.Team;
import app.rapport.clients.service.OrganisationDirectory;
import app.rapport.clients.service.ProfessionalEntry;
import app.rapport.clients.validation.Text;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@Path("/api/v1/organisations/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "An organisation's own directory: its teams and professionals")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ORG_ADMIN)
public class OrganisationResource {

    private static final String ID = "[a-z0-9][a-z0-9-]{1,63}";
    private static final String ID_MESSAGE = "must be 2-64 lower-case letters, digits and hyphens";

    public record OrganisationBody(@NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String name,
                                   @NotNull Organisation.Kind kind) {
    }

    public record OrganisationView(String id, String name, Organisation.Kind kind, Instant createdAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id, o.name, o.kind, o.createdAt);
        }
    }

    public record TeamBody(@NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL) String name) {
    }

    public record TeamView(String id, String organisationId, String name) {
        static TeamView of(Team t) {
            return new TeamView(t.id, t.organisationId, t.name);
        }
    }

    public record ProfessionalView(String userId, String organisationId, String displayName, String role,
                                   String discipline, String email, boolean active, Set<String> teamIds) {
        static ProfessionalView of(Professional p) {
            return new ProfessionalView(p.userId, p.organisationId, p.displayName, p.role, p.discipline, p.email,
                    p.active, Set.copyOf(p.teamIds));
        }
    }

    @Inject
    OrganisationDirectory directory;

    @GET
    @Operation(operationId = "readOrganisation", summary = "Read an organisation", description = "Your own organisation, or a law firm.")
    public OrganisationView read(@PathParam("organisationId") String organisationId) {
        return OrganisationView.of(directory.read(organisationId));
    }

    @PUT
    @Operation(summary = "Register or rename an organisation",
            description = "Your own organisation (kind case-management) or a law firm you work with (kind law-firm).")
    public OrganisationView save(@PathParam("organisationId") @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId,
                                 @Valid @NotNull OrganisationBody body) {
        return OrganisationView.of(directory.save(organisationId, body.name(), body.kind()));
    }

    @GET
    @Path("/teams")
    @Operation(summary = "Your organisation's teams")
    public List<TeamView> teams(@PathParam("organisationId") String organisationId) {
        return directory.teams(organisationId).stream().map(TeamView::of).toList();
    }

    @PUT
    @Path("/teams/{teamId}")
    @Operation(summary = "Create or rename a team", description = "The team id is what appears in members' tokens (teams claim).")
    public TeamView saveTeam(@PathParam("organisationId") String organisationId,
                             @PathParam("teamId") @Pattern(regexp = ID, message = ID_MESSAGE) String teamId,
                             @Valid @NotNull TeamBody body) {
        return TeamView.of(directory.saveTeam(organisationId, teamId, body.name()));
    }

    @GET
    @Path("/professionals")
    @Operation(summary = "Your organisation's professionals")
    public List<ProfessionalView> professionals(@PathParam("organisationId") String organisationId) {
        return directory.professionals(organisationId).stream().map(ProfessionalView::of).toList();
    }

    @PUT
    @Path("/professionals")
    @Operation(summary = "Add or update a professional",
            description = "Of your organisation, or a solicitor of a registered law firm. Set active=false when someone leaves.")
    public ProfessionalView saveProfessional(@PathParam("organisationId") String organisationId,
                                             @Valid @NotNull ProfessionalEntry body) {
        return ProfessionalView.of(directory.saveProfessional(organisationId, body));
    }
}
