package app.rapport.clients.validation;

/** Patterns shared by request bodies. */
public final class Text {

    /** No control characters on a single line (names, short labels). */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    /** No control characters except line breaks and tabs (the client's own words). */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String NO_CONTROL = "must not contain control characters";
    /** BCP 47 language tag such as {@code en}, {@code ur}, {@code pt-BR}. */
    public static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    /** UK postcode, with or without the space. */
    public static final String UK_POSTCODE = "(?i)(GIR ?0AA|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]? ?[0-9][ABD-HJLNP-UW-Z]{2}|"
            + "[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRV-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})";
    public static final String PHONE = "\\+?[0-9][0-9 ()-]{5,19}";

    private Text() {
    }
}
