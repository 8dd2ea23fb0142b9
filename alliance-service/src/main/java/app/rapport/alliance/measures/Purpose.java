package app.rapport.alliance.measures;

/**
 * What a measure is about, which also fixes which way is better: alliance measures (and the ORS) rise
 * as things improve; symptom measures (CORE-10, PHQ-9, GAD-7) fall.
 */
public enum Purpose {
    /** The client's view of the working relationship. Higher is better; rupture rules apply. */
    ALLIANCE("alliance", Direction.HIGHER_IS_BETTER),
    /** The professional's own reflection on the relationship. Higher is better; used for discrepancies. */
    REFLECTION("practitioner-check-in", Direction.HIGHER_IS_BETTER),
    /** Wellbeing outcome where higher is better (e.g. ORS). */
    OUTCOME_WELLBEING("outcome", Direction.HIGHER_IS_BETTER),
    /** Symptom outcome where higher is worse (e.g. CORE-10, PHQ-9, GAD-7). */
    OUTCOME_SYMPTOMS("outcome", Direction.HIGHER_IS_WORSE);

    private final String wire;
    private final Direction direction;

    Purpose(String wire, Direction direction) {
        this.wire = wire;
        this.direction = direction;
    }

    /** How the API names the purpose: {@code alliance}, {@code practitioner-check-in} or {@code outcome}. */
    public String wire() {
        return wire;
    }

    public Direction direction() {
        return direction;
    }

    public boolean higherIsBetter() {
        return direction.higherIsBetter();
    }

    /** Whether it measures how the client is doing (what the alliance is expected to predict). */
    public boolean isOutcome() {
        return this == OUTCOME_WELLBEING || this == OUTCOME_SYMPTOMS;
    }
}
