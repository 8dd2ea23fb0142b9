package app.rapport.platform.security;

/** Rapport's own token claims (besides the standard {@code sub}, {@code name}, {@code groups}). */
public final class Claims {
    /** Id of the organisation the user works for (a case-management company or a law firm). */
    public static final String ORGANISATION = "org";
    /** Ids of the teams the user belongs to. */
    public static final String TEAMS = "teams";
    public static final String NAME = "name";

    private Claims() {
    }
}
