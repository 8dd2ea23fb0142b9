package app.rapport.alliance.service;

import app.rapport.alliance.access.AllianceAccess;
import app.rapport.alliance.domain.FeedbackResponse;
import app.rapport.alliance.domain.MeasureWording;
import app.rapport.alliance.fhir.FhirQuestionnaires;
import app.rapport.alliance.fhir.InvalidQuestionnaireException;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.platform.input.StrictJson;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** FHIR in and out: an organisation's licensed wording for a structure-only measure; responses for export. */
@ApplicationScoped
public class MeasureWordingImport {

    @Inject
    Caller caller;

    @Inject
    MeasureCatalogue measures;

    @Inject
    AllianceAccess access;

    @Inject
    ObjectMapper json;

    @Transactional
    public MeasureDefinition importWording(String measureId, byte[] questionnaireBody) {
        // Read as strictly as any other body before the FHIR library, which keeps the last of a repeated key.
        String questionnaireJson = StrictJson.readDocument(json, questionnaireBody).toString();
        String organisation = caller.organisationId().orElseThrow(() -> new ProblemException(Problem.of(403, "forbidden",
                "Not allowed", "Your token names no organisation")));
        MeasureDefinition shipped = StandardMeasures.byId(measureId)
                .orElseThrow(() -> ProblemException.notFound("Measure " + measureId));
        if (shipped.hasWording()) {
            throw new ProblemException(Problem.of(409, "measure-has-wording", "Measure already has wording",
                    measureId + " is one of Rapport's own measures and ships with its wording"));
        }
        MeasureDefinition worded;
        try {
            worded = FhirQuestionnaires.importWording(shipped, questionnaireJson,
                    shipped.attribution() + " Wording imported by " + organisation + ".");
        } catch (InvalidQuestionnaireException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        MeasureWording row = MeasureWording.findById(MeasureCatalogue.key(organisation, measureId));
        if (row == null) {
            row = new MeasureWording();
            row.organisationId = organisation;
            row.measureId = measureId;
        }
        row.definition = FhirQuestionnaires.toJson(worded);
        row.importedBy = caller.userId();
        row.importedAt = Instant.now();
        row.persist();
        return worded;
    }

    @Transactional
    public String questionnaire(String measureId) {
        return FhirQuestionnaires.toJson(measures.find(caller.organisationId().orElse(null), measureId)
                .orElseThrow(() -> ProblemException.notFound("Measure " + measureId)));
    }

    @Transactional
    public String questionnaireResponse(UUID clientId, UUID responseId) {
        AllianceAccess.Scope scope = access.audit(access.require(clientId), "read", "responses");
        FeedbackResponse response = FeedbackResponse.<FeedbackResponse>find("id = ?1 and clientId = ?2", responseId, clientId)
                .firstResultOptional().filter(r -> scope.covers(r.professionalId))
                .orElseThrow(() -> ProblemException.notFound("Response " + responseId));
        MeasureDefinition measure = measures.require(scope.client().organisationId, response.measureId);
        try {
            Map<String, Integer> answers = json.readValue(response.answers, new TypeReference<>() {
            });
            return FhirQuestionnaires.responseToJson(response.id, measure, clientId, answers, response.recordedAt,
                    response.language);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
