package app.rapport.alliance.scoring;

import app.rapport.alliance.measures.Item;
import app.rapport.alliance.measures.MeasureDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a response by a measure's published rules, read from its definition:
 * <ol>
 *   <li>every answer must be a whole number on the scale, for an item of the measure;</li>
 *   <li>reversed items count as {@code min + max − answer};</li>
 *   <li>the total is the sum of item scores; with up to {@code maxMissingItems} unanswered it is prorated:
 *       (sum of answered) × (item count ÷ answered);</li>
 *   <li>each subscale is the sum of its items, prorated the same way within the subscale;</li>
 *   <li>percentage of maximum = (total − lowest total) ÷ (highest total − lowest total) × 100.</li>
 * </ol>
 */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(MeasureDefinition measure, Map<String, Integer> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidResponseException("answers", "at least one item must be answered");
        }
        for (var answer : answers.entrySet()) {
            Item item = measure.item(answer.getKey()).orElseThrow(() ->
                    new InvalidResponseException("answers." + answer.getKey(), "is not an item of " + measure.id()));
            Integer value = answer.getValue();
            if (value == null) {
                throw new InvalidResponseException("answers." + item.linkId(), "has no value (leave unanswered items out)");
            }
            if (!measure.scale().contains(value)) {
                throw new InvalidResponseException("answers." + item.linkId(), "must be between " + measure.scale().min()
                        + " and " + measure.scale().max() + " (got " + value + ")");
            }
        }
        int missing = measure.itemCount() - answers.size();
        if (missing > measure.maxMissingItems()) {
            String detail = measure.maxMissingItems() == 0 ? "every item must be answered"
                    : "at most " + measure.maxMissingItems() + " item(s) may be left unanswered";
            throw new InvalidResponseException("answers", detail + " (" + missing + " missing)");
        }
        double total = prorated(measure, measure.items(), answers);
        Map<String, Double> subscales = new LinkedHashMap<>();
        for (var subscale : measure.subscales().entrySet()) {
            List<Item> items = subscale.getValue().stream().map(id -> measure.item(id).orElseThrow()).toList();
            if (items.stream().anyMatch(i -> answers.containsKey(i.linkId()))) {
                subscales.put(subscale.getKey(), prorated(measure, items, answers));
            }
        }
        double percent = (total - measure.minTotal()) / (measure.maxTotal() - measure.minTotal()) * 100.0;
        return new Score(total, subscales, percent, answers.size(), missing > 0, measure.inConcernRange(total));
    }

    private static double prorated(MeasureDefinition measure, List<Item> items, Map<String, Integer> answers) {
        int sum = 0;
        int answered = 0;
        for (Item item : items) {
            Integer value = answers.get(item.linkId());
            if (value != null) {
                sum += item.reversed() ? measure.scale().reverse(value) : value;
                answered++;
            }
        }
        return answered == items.size() ? sum : (double) sum * items.size() / answered;
    }
}
