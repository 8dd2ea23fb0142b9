package app.rapport.alliance.measures;

/**
 * What a measure is about, which also fixes which way is better: alliance measures (and the ORS) rise
 * as things improve; symptom measures (CORE-10, PHQ-9, GAD-7) fall.
 */
public enum Purpose {
    /** The client's view of the working relationship. Higher is better; rupture rules apply. */
    ALLIANCE(true),
    /** The professional's own reflection on the relationship. Higher is better; used for discrepancies. */
    REFLECTION(true),
    /** Wellbeing outcome where higher is better (e.g. ORS). */
    OUTCOME_WELLBEING(true),
    /** Symptom outcome where higher is worse (e.g. CORE-10, PHQ-9, GAD-7). */
    OUTCOME_SYMPTOMS(false);

    private final boolean higherIsBetter;

    Purpose(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether it measures how the client is doing (what the alliance is expected to predict). */
    public boolean isOutcome() {
        return this == OUTCOME_WELLBEING || this == OUTCOME_SYMPTOMS;
    }
}
