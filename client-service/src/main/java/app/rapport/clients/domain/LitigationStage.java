package app.rapport.clients.domain;

/** Where a personal-injury claim stands. While it is open, the client's record is under legal hold. */
public enum LitigationStage {
    PRE_ACTION(true),
    PROCEEDINGS_ISSUED(true),
    TRIAL_LISTED(true),
    SETTLED(false),
    DISCONTINUED(false),
    CONCLUDED(false);

    private final boolean open;

    LitigationStage(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }
}
