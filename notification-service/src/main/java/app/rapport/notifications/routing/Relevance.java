package app.rapport.notifications.routing;

/** Whether an event concerns the members of one care-circle role. */
public enum Relevance {
    /** Every member of the role in the client's care circle. */
    ALL("all"),
    /** Only members the event names (the session's professionals, the goal's agreeing professionals, the joining member). */
    INVOLVED("involved"),
    /** Nobody in the role. */
    NONE("-");

    private final String cell;

    Relevance(String cell) {
        this.cell = cell;
    }

    public String cell() {
        return cell;
    }

    static Relevance fromCell(String cell) {
        for (Relevance relevance : values()) {
            if (relevance.cell.equals(cell)) {
                return relevance;
            }
        }
        throw new IllegalArgumentException("relevance must be all, involved or - (got " + cell + ")");
    }
}
