package app.rapport.contract;

/** The sensitivity label every event carries, so consumers can decide what may leave the platform. */
public enum Sensitivity {
    /** Ids and states only; nothing that identifies or describes the client. */
    OPERATIONAL("operational"),
    /** Personal data (identity, contact, schedule). */
    PERSONAL("personal"),
    /** Special-category health data (scores, ruptures, goals). */
    HEALTH("health");

    private final String label;

    Sensitivity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
