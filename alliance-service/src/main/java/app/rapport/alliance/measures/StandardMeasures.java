package app.rapport.alliance.measures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The measures Rapport ships.
 * <ul>
 *   <li>Rapport's own, written for this project, openly licensed and <b>not validated</b>: the session alliance
 *       check (client) and the reflective check-in (professional), in English, Urdu and Polish. Their cut-offs and
 *       reliable-change figures are provisional working values, not norms.</li>
 *   <li>Established measures as <b>structure and scoring only</b>: item count, scale, reversed items, subscales,
 *       cut-off, reliable change and attribution, but no item wording. An organisation imports the wording it is
 *       entitled to use (as a FHIR Questionnaire); until then the measure cannot be sent to anyone.</li>
 * </ul>
 */
public final class StandardMeasures {

    public static final String SESSION_ALLIANCE_CHECK = "rapport-session-alliance-check";
    public static final String REFLECTIVE_CHECK_IN = "rapport-reflective-check-in";
    public static final String CORE_10 = "core-10";
    public static final String PHQ_9 = "phq-9";
    public static final String GAD_7 = "gad-7";
    public static final String SRS = "srs";
    public static final String ORS = "ors";
    public static final String WAI_SR = "wai-sr";

    private static final String OWN_LICENCE = "CC BY 4.0";
    private static final String NOT_VALIDATED = "Written for Rapport. Not validated: a conversation aid, not a "
            + "psychometric instrument. Cut-off and reliable-change values are provisional working values.";

    private static final Map<Integer, LocalizedText> ZERO_TO_TEN_ANCHORS = Map.of(
            0, LocalizedText.of("en", "Not at all", "ur", "بالکل نہیں", "pl", "Wcale"),
            5, LocalizedText.of("en", "Partly", "ur", "کچھ حد تک", "pl", "Częściowo"),
            10, LocalizedText.of("en", "Very much", "ur", "بہت زیادہ", "pl", "Bardzo"));

    public static final MeasureDefinition SESSION_ALLIANCE = new MeasureDefinition(SESSION_ALLIANCE_CHECK, "1.0.0",
            LocalizedText.of("en", "How was today's session?", "ur", "آج کی ملاقات کیسی رہی؟",
                    "pl", "Jak minęło dzisiejsze spotkanie?"),
            Purpose.ALLIANCE, Rater.CLIENT, new Scale(0, 10, ZERO_TO_TEN_ANCHORS),
            List.of(
                    new Item("bond", LocalizedText.of(
                            "en", "Today it felt as if the person I worked with and I were on the same side.",
                            "ur", "آج مجھے محسوس ہوا کہ میں اور میرے ساتھ کام کرنے والا شخص ایک ہی طرف ہیں۔",
                            "pl", "Dzisiaj osoba, z którą pracuję, i ja byliśmy po tej samej stronie."), false, "bond"),
                    new Item("goals", LocalizedText.of(
                            "en", "We spent the time on things I want to work on.",
                            "ur", "ہم نے وقت ان باتوں پر لگایا جن پر میں کام کرنا چاہتا ہوں یا چاہتی ہوں۔",
                            "pl", "Zajmowaliśmy się tym, nad czym chcę pracować."), false, "goals"),
                    new Item("approach", LocalizedText.of(
                            "en", "The way we went about things made sense to me.",
                            "ur", "جس طریقے سے ہم نے کام کیا وہ میری سمجھ میں آیا۔",
                            "pl", "Sposób, w jaki pracowaliśmy, był dla mnie zrozumiały."), false, "approach"),
                    new Item("overall", LocalizedText.of(
                            "en", "Looking back on the session as a whole, it was worth my time.",
                            "ur", "پوری ملاقات پر نظر ڈالوں تو یہ میرے وقت کے لائق تھی۔",
                            "pl", "Patrząc na całe spotkanie, było warte mojego czasu."), false, "overall")),
            0, 30.0, ReliableChange.derived(5.0, 0.80), false, OWN_LICENCE, NOT_VALIDATED);

    public static final MeasureDefinition REFLECTIVE = new MeasureDefinition(REFLECTIVE_CHECK_IN, "1.0.0",
            LocalizedText.of("en", "Reflective check-in", "ur", "اپنے کام پر ایک نظر", "pl", "Chwila refleksji"),
            Purpose.REFLECTION, Rater.PROFESSIONAL, new Scale(0, 10, ZERO_TO_TEN_ANCHORS),
            List.of(
                    new Item("ease", LocalizedText.of(
                            "en", "I felt at ease with this client in the session.",
                            "ur", "ملاقات میں میں اس کلائنٹ کے ساتھ پُرسکون تھا یا تھی۔",
                            "pl", "Podczas spotkania czułem lub czułam się swobodnie z tą osobą."),
                            false, "ease"),
                    new Item("difficult-topics", LocalizedText.of(
                            "en", "I could bring up something difficult with this client if I needed to.",
                            "ur", "ضرورت پڑنے پر میں اس کلائنٹ سے کوئی مشکل بات کر سکتا یا سکتی تھی۔",
                            "pl", "W razie potrzeby mogłabym lub mógłbym poruszyć z tą osobą trudny temat."),
                            false, "difficult-topics"),
                    new Item("own-concerns", LocalizedText.of(
                            "en", "The client raised their own concerns rather than waiting for me to lead.",
                            "ur", "کلائنٹ نے میرے پہل کرنے کا انتظار کیے بغیر اپنی باتیں خود اٹھائیں۔",
                            "pl", "Ta osoba sama poruszała swoje sprawy, zamiast czekać, aż ja zacznę."),
                            false, "own-concerns"),
                    new Item("working", LocalizedText.of(
                            "en", "What we are doing together is working.",
                            "ur", "ہم مل کر جو کر رہے ہیں وہ کارگر ہے۔",
                            "pl", "To, co robimy razem, przynosi efekty."), false, "working")),
            0, 24.0, ReliableChange.derived(6.0, 0.75), false, OWN_LICENCE, NOT_VALIDATED);

    public static final MeasureDefinition CORE10 = structureOnly(CORE_10, "CORE-10", Purpose.OUTCOME_SYMPTOMS, Rater.CLIENT,
            Scale.of(0, 4), numbered(10, Map.of(), List.of(2, 3)), 1, 11.0, ReliableChange.points(6), List.of(
                    SeverityBand.of(0, 5, "healthy", "Healthy range"),
                    SeverityBand.of(6, 10, "low", "Low-level distress"),
                    SeverityBand.of(11, 14, "mild", "Mild distress"),
                    SeverityBand.of(15, 19, "moderate", "Moderate distress"),
                    SeverityBand.of(20, 24, "moderately-severe", "Moderate to severe distress"),
                    SeverityBand.of(25, 40, "severe", "Severe distress")),
            "CC BY-ND 4.0 (wording may be used unchanged under that licence)",
            "CORE-10, CORE System Trust (Barkham et al., 2013). Ten items scored 0–4; items 2 and 3 are positively "
                    + "worded and reversed. Clinical range from 11; reliable change 6 points. Wording not included.");

    public static final MeasureDefinition PHQ9 = structureOnly(PHQ_9, "PHQ-9", Purpose.OUTCOME_SYMPTOMS, Rater.CLIENT,
            Scale.of(0, 3), numbered(9, Map.of(), List.of()), 0, 10.0, ReliableChange.points(6), List.of(
                    SeverityBand.of(0, 4, "minimal", "Minimal depression symptoms"),
                    SeverityBand.of(5, 9, "mild", "Mild depression symptoms"),
                    SeverityBand.of(10, 14, "moderate", "Moderate depression symptoms"),
                    SeverityBand.of(15, 19, "moderately-severe", "Moderately severe depression symptoms"),
                    SeverityBand.of(20, 27, "severe", "Severe depression symptoms")),
            "Public domain according to its developers",
            "Patient Health Questionnaire-9 (Kroenke, Spitzer & Williams, 2001). Nine items scored 0–3, total 0–27; "
                    + "caseness from 10; reliable change 6 points (as used by NHS Talking Therapies). Wording not included.");

    public static final MeasureDefinition GAD7 = structureOnly(GAD_7, "GAD-7", Purpose.OUTCOME_SYMPTOMS, Rater.CLIENT,
            Scale.of(0, 3), numbered(7, Map.of(), List.of()), 0, 8.0, ReliableChange.points(4), List.of(
                    SeverityBand.of(0, 4, "minimal", "Minimal anxiety symptoms"),
                    SeverityBand.of(5, 9, "mild", "Mild anxiety symptoms"),
                    SeverityBand.of(10, 14, "moderate", "Moderate anxiety symptoms"),
                    SeverityBand.of(15, 21, "severe", "Severe anxiety symptoms")),
            "Public domain according to its developers",
            "Generalized Anxiety Disorder-7 (Spitzer, Kroenke, Williams & Löwe, 2006). Seven items scored 0–3, total "
                    + "0–21; caseness from 8 (NHS Talking Therapies; the original paper suggests 10); reliable change "
                    + "4 points. Wording not included.");

    public static final MeasureDefinition SRS_V3 = structureOnly(SRS, "Session Rating Scale", Purpose.ALLIANCE, Rater.CLIENT,
            Scale.of(0, 10), named("relationship", "goals-topics", "approach-method", "overall"), 0, 36.0, null, List.of(),
            "Licence required from the rights holder",
            "Session Rating Scale (Duncan, Miller et al., 2003). Four visual-analogue lines of 10 cm, recorded here in "
                    + "whole points 0–10, total 0–40; totals below 36 suggest a concern. No reliable-change value is "
                    + "shipped. Wording not included.");

    public static final MeasureDefinition ORS_V = structureOnly(ORS, "Outcome Rating Scale", Purpose.OUTCOME_WELLBEING,
            Rater.CLIENT, Scale.of(0, 10), named("individually", "interpersonally", "socially", "overall"), 0, 25.0,
            ReliableChange.points(5), List.of(), "Licence required from the rights holder",
            "Outcome Rating Scale (Miller, Duncan et al., 2003). Four visual-analogue lines of 10 cm, recorded here in "
                    + "whole points 0–10, total 0–40; adult clinical cut-off 25; reliable change 5 points. Wording not included.");

    public static final MeasureDefinition WAISR = structureOnly(WAI_SR, "Working Alliance Inventory – Short Revised",
            Purpose.ALLIANCE, Rater.CLIENT, Scale.of(1, 5),
            numbered(12, subscales(Map.of("task", List.of(1, 2, 10, 12), "bond", List.of(3, 5, 7, 9),
                    "goal", List.of(4, 6, 8, 11))), List.of()), 0, null, null, List.of(),
            "Permission required from the rights holder",
            "WAI-SR (Hatcher & Gillaspy, 2006), revised from the Working Alliance Inventory (Horvath & Greenberg, 1989). "
                    + "Twelve items scored 1–5, total 12–60; subscales task (1, 2, 10, 12), bond (3, 5, 7, 9) and goal "
                    + "(4, 6, 8, 11). No cut-off or reliable-change value is shipped. Wording not included.");

    public static final List<MeasureDefinition> ALL = List.of(SESSION_ALLIANCE, REFLECTIVE, CORE10, PHQ9, GAD7, SRS_V3,
            ORS_V, WAISR);

    private StandardMeasures() {
    }

    public static Optional<MeasureDefinition> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static MeasureDefinition structureOnly(String id, String title, Purpose purpose, Rater rater, Scale scale,
                                                   List<Item> items, int maxMissing, Double cutOff, ReliableChange rc,
                                                   List<SeverityBand> bands, String licence, String attribution) {
        return new MeasureDefinition(id, "structure-1", LocalizedText.of("en", title), purpose, rater, scale, items,
                maxMissing, cutOff, rc, true, licence, attribution, bands);
    }

    private static List<Item> numbered(int count, Map<Integer, String> subscales, List<Integer> reversed) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new Item(String.valueOf(n), LocalizedText.none(), reversed.contains(n), subscales.get(n)))
                .toList();
    }

    private static Map<Integer, String> subscales(Map<String, List<Integer>> itemsBySubscale) {
        Map<Integer, String> subscaleOfItem = new java.util.HashMap<>();
        itemsBySubscale.forEach((subscale, items) -> items.forEach(n -> subscaleOfItem.put(n, subscale)));
        return subscaleOfItem;
    }

    private static List<Item> named(String... linkIds) {
        return java.util.Arrays.stream(linkIds).map(id -> Item.structural(id, null)).toList();
    }
}
