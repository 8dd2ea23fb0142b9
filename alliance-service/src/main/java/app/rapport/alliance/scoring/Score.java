package app.rapport.alliance.scoring;

import java.util.Map;

/**
 * A scored response.
 *
 * @param total sum of item scores after reversal (prorated when items were missing)
 * @param subscales subscale name → score; a subscale with no answered item is left out
 * @param percentOfMax where the total lies between the lowest and highest possible totals, 0–100
 * @param answered items answered
 * @param prorated whether missing items were made up by proration
 * @param inConcernRange below the cut-off (higher-is-better measures) or at/above it (symptom measures)
 */
public record Score(double total, Map<String, Double> subscales, double percentOfMax, int answered, boolean prorated,
                    boolean inConcernRange) {

    public Score {
        subscales = Map.copyOf(subscales);
    }
}
