package app.rapport.alliance.fhir;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.alliance.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Definitions and responses through HL7 FHIR R4 and back, with the HAPI FHIR parser. */
class FhirQuestionnairesTest {

    static Stream<MeasureDefinition> shipped() {
        return StandardMeasures.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everyShippedDefinitionSurvivesARoundTripUnchanged(MeasureDefinition measure) {
        String json = FhirQuestionnaires.toJson(measure);
        assertTrue(json.contains("\"resourceType\": \"Questionnaire\""));
        assertEquals(measure, FhirQuestionnaires.fromJson(json), measure.id());
    }

    @Test
    void translationsUseTheCoreTranslationExtensionAndTheScaleTheCoreMinMaxExtensions() {
        String json = FhirQuestionnaires.toJson(StandardMeasures.SESSION_ALLIANCE);
        assertTrue(json.contains(FhirQuestionnaires.TRANSLATION));
        assertTrue(json.contains(FhirQuestionnaires.MIN_VALUE));
        assertTrue(json.contains("\"valueCode\": \"ur\""));
        assertTrue(json.contains("\"text\": \"Today it felt as if the person I worked with and I were on the same side.\""));
    }

    @Test
    void structureOnlyMeasuresExportWithoutAnyText() {
        String json = FhirQuestionnaires.toJson(StandardMeasures.PHQ9);
        assertFalse(json.contains("\"text\""), "no item wording is exported because none is shipped");
    }

    /** An organisation's licensed wording as it would arrive: a plain Questionnaire with the shipped linkIds. */
    private static String organisationQuestionnaire(List<String> linkIds) {
        StringBuilder items = new StringBuilder();
        for (String id : linkIds) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("{\"linkId\":\"").append(id).append("\",\"type\":\"integer\",\"text\":\"Organisation wording for item ")
                    .append(id).append("\"}");
        }
        return "{\"resourceType\":\"Questionnaire\",\"status\":\"active\",\"version\":\"org-2026\",\"title\":\"Symptom check\","
                + "\"item\":[" + items + "]}";
    }

    @Test
    void importingWordingMakesAStructureOnlyMeasureUsableAndKeepsTheShippedScoring() {
        MeasureDefinition shipped = StandardMeasures.PHQ9;
        List<String> ids = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        MeasureDefinition worded = FhirQuestionnaires.importWording(shipped, organisationQuestionnaire(ids), "Imported by org");
        assertTrue(worded.hasWording());
        assertEquals(Set.of("en"), worded.languages());
        assertEquals("Organisation wording for item 4", worded.item("4").orElseThrow().text().in("en").orElseThrow());
        assertEquals(shipped.cutOff(), worded.cutOff());
        assertEquals(shipped.reliableChange(), worded.reliableChange());
        Map<String, Integer> answers = new LinkedHashMap<>();
        ids.forEach(id -> answers.put(id, 1));
        assertEquals(9.0, Scorer.score(worded, answers).total());
        // and the worded definition itself round-trips
        assertEquals(worded, FhirQuestionnaires.fromJson(FhirQuestionnaires.toJson(worded)));
    }

    @Test
    void wordingThatDoesNotMatchTheStructureIsRefused() {
        MeasureDefinition shipped = StandardMeasures.GAD7;
        assertEquals("item", assertThrows(InvalidQuestionnaireException.class, () -> FhirQuestionnaires.importWording(shipped,
                organisationQuestionnaire(List.of("1", "2", "3", "4", "5", "6")), "x")).field(), "an item missing");
        assertEquals("item", assertThrows(InvalidQuestionnaireException.class, () -> FhirQuestionnaires.importWording(shipped,
                organisationQuestionnaire(List.of("1", "2", "3", "4", "5", "6", "7", "8")), "x")).field(), "an extra item");
        assertThrows(InvalidQuestionnaireException.class, () -> FhirQuestionnaires.importWording(shipped,
                "{\"resourceType\":\"Patient\"}", "x"));
        assertThrows(InvalidQuestionnaireException.class, () -> FhirQuestionnaires.importWording(shipped, "not json", "x"));
    }

    @Test
    void responsesExportAsQuestionnaireResponsesAndReadBack() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("bond", 8);
        answers.put("goals", 7);
        answers.put("approach", 9);
        answers.put("overall", 6);
        UUID client = UUID.randomUUID();
        String json = FhirQuestionnaires.responseToJson(UUID.randomUUID(), StandardMeasures.SESSION_ALLIANCE, client, answers,
                Instant.parse("2026-11-20T10:00:00Z"), "pl");
        assertTrue(json.contains("\"resourceType\": \"QuestionnaireResponse\""));
        assertTrue(json.contains("urn:rapport:measure:rapport-session-alliance-check|1.0.0"));
        assertTrue(json.contains("Patient/" + client));
        assertEquals(answers, FhirQuestionnaires.answers(json));
    }
}
