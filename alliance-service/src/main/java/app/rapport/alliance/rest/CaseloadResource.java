package app.rapport.alliance.rest;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.service.Caseload;
import app.rapport.alliance.service.MeasureCatalogue;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caseload alliance view and the measure catalogue (also as FHIR R4 Questionnaires). */
@Path("/api/v1/alliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alliance",
        description = "Ratings and scores, rupture episodes and repairs, trends, the caseload view, the measure catalogue")
@SecurityRequirement(name = "jwt")
public class CaseloadResource {

    @Inject
    Caseload caseload;

    @Inject
    MeasureCatalogue measures;

    @Inject
    Caller caller;

    @Inject
    app.rapport.alliance.service.MeasureWordingImport fhir;

    public static final String FHIR_JSON = "application/fhir+json";

    @GET
    @Path("/measures/{measureId}/questionnaire")
    @Produces(FHIR_JSON)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.ORG_ADMIN})
    @Operation(summary = "A measure as a FHIR R4 Questionnaire", description = "With your organisation's wording, if imported.")
    public String questionnaire(@PathParam("measureId") String measureId) {
        return fhir.questionnaire(measureId);
    }

    @PUT
    @Path("/measures/{measureId}/wording")
    @Consumes({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(FHIR_JSON)
    @RolesAllowed({Roles.ORG_ADMIN, Roles.TEAM_LEAD})
    @Operation(summary = "Import the wording your organisation may use for a structure-only measure",
            description = "A FHIR R4 Questionnaire whose items are exactly the measure's (by linkId). Item text in English, "
                    + "other languages in the core translation extension. Scoring stays as shipped.")
    @APIResponse(responseCode = "200", description = "The measure as a FHIR Questionnaire with the imported wording",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "409", description = "Rapport's own measures keep their wording")
    @APIResponse(responseCode = "422", description = "The questionnaire's items are not exactly the measure's")
    public String importWording(@PathParam("measureId") String measureId, byte[] questionnaire) {
        fhir.importWording(measureId, questionnaire);
        return fhir.questionnaire(measureId);
    }

    @GET
    @Path("/caseload")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Alliance across your caseload",
            description = "Your clients (case manager) or your teams' clients (team lead): each pair's latest rating, open "
                    + "episodes, last feedback and whether feedback is overdue; rupture count, repair rate and median days "
                    + "from detection to resolution; where outcome measures are collected, each pair's early alliance and "
                    + "outcome change, and their counts by group (outcomeLinkage).")
    public Caseload.View caseload(@QueryParam("overdueAfterDays") @DefaultValue("14") @Min(1) @Max(365) int overdueAfterDays) {
        return caseload.forCaller(overdueAfterDays);
    }

    /**
     * @param purpose {@code alliance}, {@code practitioner-check-in} or {@code outcome}
     * @param direction {@code higher-is-better} or {@code higher-is-worse}
     * @param severityBands the published severity bands (PHQ-9, GAD-7, CORE-10); empty for the others
     */
    public record MeasureSummary(String id, String version, String title, String purpose, String direction, String rater,
                                 int items, int min, int max, Double cutOff, boolean hasWording, List<String> languages,
                                 boolean validated, List<app.rapport.alliance.measures.SeverityBand> severityBands,
                                 String licence, String attribution) {
        static MeasureSummary of(MeasureDefinition m) {
            return new MeasureSummary(m.id(), m.version(), m.title().in("en").orElse(m.id()), m.purpose().wire(),
                    m.direction().wire(), m.rater().wire(), m.itemCount(), m.scale().min(), m.scale().max(), m.cutOff(),
                    m.hasWording(), List.copyOf(m.languages()), m.validated(), m.severityBands(), m.licence(),
                    m.attribution());
        }
    }

    @GET
    @Path("/measures")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.ORG_ADMIN})
    @Operation(summary = "Measures your organisation can use", description = "Structure-only measures show hasWording=false.")
    public List<MeasureSummary> measures() {
        return measures.forOrganisation(caller.organisationId().orElse(null)).stream().map(MeasureSummary::of).toList();
    }

    @GET
    @Path("/measures/{measureId}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.THERAPIST, Roles.ORG_ADMIN})
    @Operation(summary = "A measure definition", description = "Items, scale and anchors, scoring rules, licence.")
    public MeasureDefinition measure(@PathParam("measureId") String measureId) {
        return measures.find(caller.organisationId().orElse(null), measureId)
                .orElseThrow(() -> app.rapport.platform.problem.ProblemException.notFound("Measure " + measureId));
    }
}
