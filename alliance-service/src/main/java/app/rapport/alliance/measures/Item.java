package app.rapport.alliance.measures;

/**
 * One item of a measure.
 *
 * @param linkId stable id of the item (also its FHIR {@code linkId}), e.g. {@code "1"} or {@code "bond"}
 * @param text the wording per language; empty for a measure shipped as structure only
 * @param reversed scored as {@code min + max - answer} (a positively worded item on a symptom scale, or the reverse)
 * @param subscale the subscale it counts towards, if any
 */
public record Item(String linkId, LocalizedText text, boolean reversed, String subscale) {

    public Item {
        if (linkId == null || linkId.isBlank()) {
            throw new IllegalArgumentException("item linkId is required");
        }
        text = text == null ? LocalizedText.none() : text;
    }

    public static Item structural(String linkId, String subscale) {
        return new Item(linkId, LocalizedText.none(), false, subscale);
    }

    public static Item structuralReversed(String linkId, String subscale) {
        return new Item(linkId, LocalizedText.none(), true, subscale);
    }
}
