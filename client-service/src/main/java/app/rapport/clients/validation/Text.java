package app.rapport.clients.validation;

/**
 * Patterns shared by request bodies. They are written so that Java and ECMA-262 (the dialect of JSON Schema, where
 * the API documents publish them) read them the same: no {@code \p{...}} POSIX classes, no inline flags.
 */
public final class Text {

    /** No control characters on a single line (names, short labels). */
    public static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F]*";
    /** No control characters except line breaks and tabs (the client's own words). */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String NO_CONTROL = "must not contain control characters";
    /** BCP 47 language tag such as {@code en}, {@code ur}, {@code pt-BR}. */
    public static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    /** UK postcode, with or without the space, in either case (each letter class lists both cases). */
    public static final String UK_POSTCODE = "([Gg][Ii][Rr] ?0[Aa][Aa]"
            + "|[A-PR-UWYZa-pr-uwyz][0-9][0-9A-HJKPSTUWa-hjkpstuw]? ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}"
            + "|[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y][0-9][0-9ABEHMNPRV-Yabehmnprv-y]? ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})";
    public static final String PHONE = "\\+?[0-9][0-9 ()-]{5,19}";

    private Text() {
    }
}
