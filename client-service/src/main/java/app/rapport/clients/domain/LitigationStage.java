package app.rapport.clients.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a personal-injury claim stands. While it is open, the client's record is under legal hold. */
public enum LitigationStage {
    PRE_ACTION(true, 0),
    PROCEEDINGS_ISSUED(true, 1),
    TRIAL_LISTED(true, 2),
    SETTLED(false, 3),
    DISCONTINUED(false, 3),
    CONCLUDED(false, 4);

    /** The stages as the API spells them, for validation messages and patterns. */
    public static final String WIRE_PATTERN = "pre-action|proceedings-issued|trial-listed|settled|discontinued|concluded";

    private final boolean open;
    private final int progress;

    LitigationStage(boolean open, int progress) {
        this.open = open;
        this.progress = progress;
    }

    public boolean isOpen() {
        return open;
    }

    /** Whether moving here from {@code current} is progress; milestones never move a claim backwards. */
    public boolean isLaterThan(LitigationStage current) {
        return progress > current.progress;
    }

    /** e.g. {@code trial-listed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LitigationStage> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
