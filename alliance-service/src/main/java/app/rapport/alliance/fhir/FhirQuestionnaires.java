package app.rapport.alliance.fhir;

import app.rapport.alliance.measures.Item;
import app.rapport.alliance.measures.LocalizedText;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Purpose;
import app.rapport.alliance.measures.Rater;
import app.rapport.alliance.measures.ReliableChange;
import app.rapport.alliance.measures.Scale;
import app.rapport.alliance.measures.SeverityBand;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Measure definitions as HL7 FHIR R4 {@code Questionnaire}s and responses as {@code QuestionnaireResponse}s.
 * <p>
 * Wording is the item {@code text}, in English, with other languages in the core {@code translation} extension.
 * The scale uses the core {@code minValue}/{@code maxValue} extensions; what FHIR has no element for (reversed
 * items, subscales, cut-off, reliable change, anchors, purpose, rater) is carried in Rapport extensions, so a
 * definition survives a round trip unchanged.
 */
public final class FhirQuestionnaires {

    public static final String CANONICAL_BASE = "urn:rapport:measure:";
    static final String EXT = "https://rapport.example/fhir/StructureDefinition/";

    private static List<SeverityBand> bands(Questionnaire q) {
        return q.getExtensionsByUrl(EXT + "severity-band").stream().map(e -> SeverityBand.of(
                ((IntegerType) e.getExtensionByUrl("from").getValue()).getValue(),
                ((IntegerType) e.getExtensionByUrl("to").getValue()).getValue(),
                e.getExtensionByUrl("code").getValue().primitiveValue(),
                e.getExtensionByUrl("label").getValue().primitiveValue())).toList();
    }
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirQuestionnaires() {
    }

    public static String toJson(MeasureDefinition m) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(toQuestionnaire(m));
    }

    public static Questionnaire toQuestionnaire(MeasureDefinition m) {
        Questionnaire q = new Questionnaire();
        q.setId(m.id());
        q.setUrl(CANONICAL_BASE + m.id());
        q.setVersion(m.version());
        q.setName(m.id().replace("-", "_"));
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setCopyright(m.licence());
        q.setPublisher(m.attribution());
        text(q.getTitleElement(), m.title());
        q.addExtension(EXT + "purpose", new CodeType(m.purpose().name().toLowerCase()));
        q.addExtension(EXT + "rater", new CodeType(m.rater().wire()));
        q.addExtension(EXT + "validated", new BooleanType(m.validated()));
        q.addExtension(EXT + "max-missing-items", new IntegerType(m.maxMissingItems()));
        if (m.cutOff() != null) {
            q.addExtension(EXT + "cut-off", new DecimalType(m.cutOff()));
        }
        ReliableChange rc = m.reliableChange();
        if (rc != null) {
            Extension ext = q.addExtension().setUrl(EXT + "reliable-change");
            if (rc.points() != null) {
                ext.addExtension("points", new DecimalType(rc.points()));
            }
            if (rc.sd() != null) {
                ext.addExtension("sd", new DecimalType(rc.sd()));
                ext.addExtension("reliability", new DecimalType(rc.reliability()));
            }
        }
        // The published severity bands, lowest first: from and to (both included), a code and a label.
        for (SeverityBand band : m.severityBands()) {
            Extension bandExt = q.addExtension().setUrl(EXT + "severity-band");
            bandExt.addExtension("from", new IntegerType(band.from()));
            bandExt.addExtension("to", new IntegerType(band.to()));
            bandExt.addExtension("code", new CodeType(band.code()));
            bandExt.addExtension("label", new StringType(band.label()));
        }
        m.scale().anchors().forEach((value, label) -> label.byLanguage().forEach((lang, text) -> {
            Extension anchor = q.addExtension().setUrl(EXT + "scale-anchor");
            anchor.addExtension("value", new IntegerType(value));
            anchor.addExtension("lang", new CodeType(lang));
            anchor.addExtension("label", new StringType(text));
        }));
        for (Item item : m.items()) {
            Questionnaire.QuestionnaireItemComponent qi = q.addItem();
            qi.setLinkId(item.linkId());
            qi.setType(Questionnaire.QuestionnaireItemType.INTEGER);
            qi.setRequired(m.maxMissingItems() == 0);
            text(qi.getTextElement(), item.text());
            qi.addExtension(MIN_VALUE, new IntegerType(m.scale().min()));
            qi.addExtension(MAX_VALUE, new IntegerType(m.scale().max()));
            if (item.reversed()) {
                qi.addExtension(EXT + "reversed", new BooleanType(true));
            }
            if (item.subscale() != null) {
                qi.addExtension(EXT + "subscale", new CodeType(item.subscale()));
            }
        }
        return q;
    }

    /** Reads a whole definition (structure and wording) written by {@link #toJson}. */
    public static MeasureDefinition fromJson(String json) {
        Questionnaire q = parse(json);
        String id = q.getUrl() != null && q.getUrl().startsWith(CANONICAL_BASE) ? q.getUrl().substring(CANONICAL_BASE.length())
                : q.getIdElement().getIdPart();
        if (q.getItem().isEmpty()) {
            throw new InvalidQuestionnaireException("item", "a questionnaire needs at least one item");
        }
        Questionnaire.QuestionnaireItemComponent first = q.getItem().get(0);
        int min = integer(first, MIN_VALUE).orElseThrow(() -> new InvalidQuestionnaireException("item[0]", "minValue is missing"));
        int max = integer(first, MAX_VALUE).orElseThrow(() -> new InvalidQuestionnaireException("item[0]", "maxValue is missing"));
        Map<Integer, Map<String, String>> anchors = new TreeMap<>();
        for (Extension anchor : q.getExtensionsByUrl(EXT + "scale-anchor")) {
            int value = ((IntegerType) anchor.getExtensionByUrl("value").getValue()).getValue();
            anchors.computeIfAbsent(value, v -> new LinkedHashMap<>()).put(
                    anchor.getExtensionByUrl("lang").getValue().primitiveValue(),
                    anchor.getExtensionByUrl("label").getValue().primitiveValue());
        }
        Map<Integer, LocalizedText> anchorTexts = new HashMap<>();
        anchors.forEach((value, labels) -> anchorTexts.put(value, new LocalizedText(labels)));
        List<Item> items = new ArrayList<>();
        for (Questionnaire.QuestionnaireItemComponent qi : q.getItem()) {
            if (qi.getType() != Questionnaire.QuestionnaireItemType.INTEGER) {
                throw new InvalidQuestionnaireException("item." + qi.getLinkId(), "must be of type integer");
            }
            items.add(new Item(qi.getLinkId(), text(qi.getTextElement()),
                    Optional.ofNullable(qi.getExtensionByUrl(EXT + "reversed")).map(e -> ((BooleanType) e.getValue()).booleanValue()).orElse(false),
                    Optional.ofNullable(qi.getExtensionByUrl(EXT + "subscale")).map(e -> e.getValue().primitiveValue()).orElse(null)));
        }
        Extension rcExt = q.getExtensionByUrl(EXT + "reliable-change");
        ReliableChange rc = rcExt == null ? null : new ReliableChange(decimal(rcExt.getExtensionByUrl("points")),
                decimal(rcExt.getExtensionByUrl("sd")), decimal(rcExt.getExtensionByUrl("reliability")));
        try {
            return new MeasureDefinition(id, q.getVersion(), text(q.getTitleElement()),
                    Purpose.valueOf(code(q, "purpose", "alliance").toUpperCase()), Rater.fromWire(code(q, "rater", "client")),
                    new Scale(min, max, anchorTexts), items,
                    Optional.ofNullable(q.getExtensionByUrl(EXT + "max-missing-items"))
                            .map(e -> ((IntegerType) e.getValue()).getValue()).orElse(0),
                    decimal(q.getExtensionByUrl(EXT + "cut-off")), rc,
                    Optional.ofNullable(q.getExtensionByUrl(EXT + "validated")).map(e -> ((BooleanType) e.getValue()).booleanValue())
                            .orElse(false),
                    q.getCopyright(), q.getPublisher(), bands(q));
        } catch (IllegalArgumentException e) {
            // The message names Java types (an enum's valueOf); say what is wrong in the document's terms.
            throw new InvalidQuestionnaireException("questionnaire", "has a code or value that is not accepted");
        }
    }

    /**
     * An organisation's wording for a measure Rapport ships as structure only. Only the title and item texts are
     * taken: the items must be exactly the shipped ones (by linkId), and the scoring stays as shipped.
     */
    public static MeasureDefinition importWording(MeasureDefinition shipped, String json, String attribution) {
        Questionnaire q = parse(json);
        List<String> expected = shipped.items().stream().map(Item::linkId).toList();
        List<String> given = q.getItem().stream().map(Questionnaire.QuestionnaireItemComponent::getLinkId).toList();
        if (!given.equals(expected)) {
            throw new InvalidQuestionnaireException("item", "the items must be exactly " + expected + " in that order (got " + given + ")");
        }
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        for (Questionnaire.QuestionnaireItemComponent qi : q.getItem()) {
            LocalizedText text = text(qi.getTextElement());
            if (text.isEmpty()) {
                throw new InvalidQuestionnaireException("item." + qi.getLinkId(), "has no text");
            }
            texts.put(qi.getLinkId(), text);
        }
        LocalizedText title = text(q.getTitleElement());
        return shipped.withWording(title.isEmpty() ? shipped.title() : title, texts,
                q.getVersion() == null ? shipped.version() + "+org" : q.getVersion(), attribution);
    }

    /** A scored response as a QuestionnaireResponse (answers by linkId; the subject is the client). */
    public static String responseToJson(UUID responseId, MeasureDefinition m, UUID clientId, Map<String, Integer> answers,
                                        Instant authored, String language) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId(responseId.toString());
        r.setQuestionnaire(CANONICAL_BASE + m.id() + "|" + m.version());
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(new Reference("Patient/" + clientId));
        r.setAuthored(Date.from(authored));
        if (language != null) {
            r.setLanguage(language);
        }
        for (Item item : m.items()) {
            Integer answer = answers.get(item.linkId());
            QuestionnaireResponse.QuestionnaireResponseItemComponent ri = r.addItem().setLinkId(item.linkId());
            if (answer != null) {
                ri.addAnswer().setValue(new IntegerType(answer));
            }
        }
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(r);
    }

    /** Answers by linkId from a QuestionnaireResponse. */
    public static Map<String, Integer> answers(String questionnaireResponseJson) {
        QuestionnaireResponse r;
        try {
            r = FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, questionnaireResponseJson);
        } catch (DataFormatException e) {
            throw new InvalidQuestionnaireException("questionnaireResponse", "is not a FHIR R4 QuestionnaireResponse");
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (var item : r.getItem()) {
            if (!item.getAnswer().isEmpty()) {
                answers.put(item.getLinkId(), item.getAnswerFirstRep().getValueIntegerType().getValue());
            }
        }
        return answers;
    }

    private static Questionnaire parse(String json) {
        try {
            return FHIR.newJsonParser().parseResource(Questionnaire.class, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidQuestionnaireException("questionnaire", "is not a FHIR R4 Questionnaire");
        }
    }

    private static void text(StringType element, LocalizedText text) {
        Optional<String> english = Optional.ofNullable(text.byLanguage().get("en"));
        if (text.isEmpty()) {
            return;
        }
        element.setValue(english.orElse(text.byLanguage().values().iterator().next()));
        text.byLanguage().forEach((lang, value) -> {
            if (!lang.equals("en") || english.isEmpty()) {
                Extension translation = element.addExtension().setUrl(TRANSLATION);
                translation.addExtension("lang", new CodeType(lang));
                translation.addExtension("content", new StringType(value));
            }
        });
    }

    private static LocalizedText text(StringType element) {
        Map<String, String> texts = new LinkedHashMap<>();
        boolean translatedBase = false;
        for (Extension translation : element.getExtensionsByUrl(TRANSLATION)) {
            texts.put(translation.getExtensionByUrl("lang").getValue().primitiveValue(),
                    translation.getExtensionByUrl("content").getValue().primitiveValue());
            translatedBase |= translation.getExtensionByUrl("content").getValue().primitiveValue().equals(element.getValue());
        }
        if (element.getValue() != null && !translatedBase) {
            texts.put("en", element.getValue());
        }
        return new LocalizedText(texts);
    }

    private static Optional<Integer> integer(Element element, String url) {
        return Optional.ofNullable(element.getExtensionByUrl(url)).map(e -> ((IntegerType) e.getValue()).getValue());
    }

    private static Double decimal(Extension extension) {
        if (extension == null) {
            return null;
        }
        BigDecimal value = ((DecimalType) extension.getValue()).getValue();
        return value.doubleValue();
    }

    private static String code(Questionnaire q, String name, String fallback) {
        return Optional.ofNullable(q.getExtensionByUrl(EXT + name)).map(e -> e.getValue().primitiveValue()).orElse(fallback);
    }
}
