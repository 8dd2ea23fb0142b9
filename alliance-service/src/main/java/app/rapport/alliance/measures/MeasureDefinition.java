package app.rapport.alliance.measures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A measure as data: its items, scale, scoring rules and licence. Scoring and rupture rules read only
 * this, so a new measure (or an organisation's imported wording) needs no code.
 *
 * @param id stable id, e.g. {@code rapport-session-alliance-check}
 * @param version version of the definition (a FHIR Questionnaire version)
 * @param title the measure's name per language
 * @param purpose what it measures, and so which direction is better
 * @param rater who fills it in
 * @param scale the answer scale all items share
 * @param items in order
 * @param maxMissingItems how many unanswered items the total may be prorated over (0: every item is required)
 * @param cutOff the total that separates the concern range: below it for a higher-is-better measure, at or
 *        above it for a symptom measure; null when none is published
 * @param reliableChange how big a change must be to count; null when none is published
 * @param validated false for Rapport's own measures, which have not been validated
 * @param licence the licence the structure or wording is used under
 * @param attribution who to credit, and where the wording comes from
 * @param severityBands the published severity bands, lowest first, covering every possible total once; empty when
 *        none are published
 */
public record MeasureDefinition(String id, String version, LocalizedText title, Purpose purpose, Rater rater, Scale scale,
                                List<Item> items, int maxMissingItems, Double cutOff, ReliableChange reliableChange,
                                boolean validated, String licence, String attribution, List<SeverityBand> severityBands) {

    /** A measure without published severity bands. */
    public MeasureDefinition(String id, String version, LocalizedText title, Purpose purpose, Rater rater, Scale scale,
                             List<Item> items, int maxMissingItems, Double cutOff, ReliableChange reliableChange,
                             boolean validated, String licence, String attribution) {
        this(id, version, title, purpose, rater, scale, items, maxMissingItems, cutOff, reliableChange, validated, licence,
                attribution, List.of());
    }

    public MeasureDefinition {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("measure id must be lower-case letters, digits and dashes");
        }
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a measure has at least one item");
        }
        items = List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            if (!seen.add(item.linkId())) {
                throw new IllegalArgumentException("item " + item.linkId() + " appears twice");
            }
        }
        if (maxMissingItems < 0 || maxMissingItems >= items.size()) {
            throw new IllegalArgumentException("maxMissingItems must be between 0 and the item count minus one");
        }
        if (cutOff != null && (cutOff < minTotal(scale, items) || cutOff > maxTotal(scale, items))) {
            throw new IllegalArgumentException("cut-off " + cutOff + " is outside the possible totals");
        }
        title = title == null ? LocalizedText.none() : title;
        severityBands = severityBands == null ? List.of() : List.copyOf(severityBands);
        requireBandsCoverTotals(severityBands, minTotal(scale, items), maxTotal(scale, items));
    }

    /** Bands must run from the lowest to the highest total, each starting where the one before ended. */
    private static void requireBandsCoverTotals(List<SeverityBand> bands, int min, int max) {
        if (bands.isEmpty()) {
            return;
        }
        int next = min;
        for (SeverityBand band : bands) {
            if (band.from() != next) {
                throw new IllegalArgumentException("band " + band.code() + " starts at " + band.from() + ", not at " + next);
            }
            next = band.to() + 1;
        }
        if (next != max + 1) {
            throw new IllegalArgumentException("the bands end at " + (next - 1) + ", not at the highest total " + max);
        }
    }

    public Direction direction() {
        return purpose.direction();
    }

    /**
     * The severity band a total falls in; a prorated total between two whole numbers belongs to the band of the
     * whole number below it. Empty for a measure without bands.
     */
    public Optional<SeverityBand> band(double total) {
        SeverityBand found = null;
        for (SeverityBand band : severityBands) {
            if (total >= band.from()) {
                found = band;
            }
        }
        return Optional.ofNullable(found);
    }

    public int itemCount() {
        return items.size();
    }

    public int minTotal() {
        return minTotal(scale, items);
    }

    public int maxTotal() {
        return maxTotal(scale, items);
    }

    private static int minTotal(Scale scale, List<Item> items) {
        return scale.min() * items.size();
    }

    private static int maxTotal(Scale scale, List<Item> items) {
        return scale.max() * items.size();
    }

    public Optional<Item> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }

    /** Subscale name → its items' linkIds, in the order first met. */
    public Map<String, List<String>> subscales() {
        Map<String, List<String>> subscales = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.subscale() != null) {
                subscales.computeIfAbsent(item.subscale(), s -> new ArrayList<>()).add(item.linkId());
            }
        }
        return subscales;
    }

    /** Languages in which every item (and the title) has wording. */
    public Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>(title.byLanguage().keySet());
        for (Item item : items) {
            languages.retainAll(item.text().byLanguage().keySet());
        }
        return languages;
    }

    /** A measure without wording (structure only) cannot be put in front of anyone. */
    public boolean hasWording() {
        return !languages().isEmpty();
    }

    /** The same structure with wording imported by an organisation (items matched by linkId). */
    public MeasureDefinition withWording(LocalizedText newTitle, Map<String, LocalizedText> itemTexts, String newVersion,
                                         String newAttribution) {
        List<Item> worded = items.stream()
                .map(i -> new Item(i.linkId(), itemTexts.getOrDefault(i.linkId(), i.text()), i.reversed(), i.subscale()))
                .toList();
        return new MeasureDefinition(id, newVersion, newTitle, purpose, rater, scale, worded, maxMissingItems, cutOff,
                reliableChange, validated, licence, newAttribution, severityBands);
    }

    /** Whether a total falls in the concern range (below the cut-off, or at/above it for symptoms). */
    public boolean inConcernRange(double total) {
        if (cutOff == null) {
            return false;
        }
        return purpose.higherIsBetter() ? total < cutOff : total >= cutOff;
    }
}
