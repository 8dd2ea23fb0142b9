package app.rapport.alliance.measures;

/**
 * One published severity band of a symptom measure: totals from {@code from} to {@code to}, both included.
 *
 * @param code stable, e.g. {@code moderately-severe}
 * @param label what the app shows, in Rapport's own words
 */
public record SeverityBand(int from, int to, String code, String label) {

    public SeverityBand {
        if (to < from) {
            throw new IllegalArgumentException("band " + code + " ends before it starts");
        }
        if (code == null || !code.matches("[a-z][a-z-]{1,39}") || label == null || label.isBlank()) {
            throw new IllegalArgumentException("a band has a code and a label");
        }
    }

    public static SeverityBand of(int from, int to, String code, String label) {
        return new SeverityBand(from, to, code, label);
    }
}
