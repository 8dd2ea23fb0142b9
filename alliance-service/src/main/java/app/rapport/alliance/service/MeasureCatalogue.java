package app.rapport.alliance.service;

import app.rapport.alliance.domain.MeasureWording;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Item;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The measures an organisation can use: those Rapport ships, with any wording the organisation imported. */
@ApplicationScoped
public class MeasureCatalogue {

    public List<MeasureDefinition> forOrganisation(String organisationId) {
        return StandardMeasures.ALL.stream().map(m -> find(organisationId, m.id()).orElse(m)).toList();
    }

    public Optional<MeasureDefinition> find(String organisationId, String measureId) {
        if (organisationId != null) {
            MeasureWording imported = MeasureWording.findById(key(organisationId, measureId));
            if (imported != null) {
                return Optional.of(asShipped(read(imported.definition)));
            }
        }
        return StandardMeasures.byId(measureId);
    }

    /**
     * Imported wording on the shipped structure: what the measure is for, its direction, scoring and severity bands are
     * always the ones shipped now, even for wording stored before they were added.
     */
    private static MeasureDefinition asShipped(MeasureDefinition imported) {
        return StandardMeasures.byId(imported.id()).map(shipped -> shipped.withWording(imported.title(),
                        imported.items().stream().collect(java.util.stream.Collectors.toMap(Item::linkId, Item::text)),
                        imported.version(), imported.attribution()))
                .orElse(imported);
    }

    public MeasureDefinition require(String organisationId, String measureId) {
        return find(organisationId, measureId).orElseThrow(() ->
                ProblemException.invalidField("measureId", "is not a known measure (" + measureId + ")"));
    }

    /** A measure must have wording before anyone is asked to fill it in. */
    public static void requireWording(MeasureDefinition measure, String language) {
        if (!measure.hasWording()) {
            throw new ProblemException(Problem.of(422, "measure-without-wording", "Measure has no wording",
                    measure.id() + " ships as structure and scoring only; your organisation must import the wording it "
                            + "is licensed to use before it can be filled in"));
        }
        if (language != null && !measure.languages().contains(language) && !measure.languages().contains(language.split("-")[0])
                && !measure.languages().contains("en")) {
            throw ProblemException.invalidField("language", measure.id() + " has no wording in " + language);
        }
    }

    /** Imported definitions are stored as the FHIR Questionnaire they export as. */
    private MeasureDefinition read(String definition) {
        return app.rapport.alliance.fhir.FhirQuestionnaires.fromJson(definition);
    }

    static MeasureWording.Key key(String organisationId, String measureId) {
        MeasureWording.Key key = new MeasureWording.Key();
        key.organisationId = organisationId;
        key.measureId = measureId;
        return key;
    }
}
