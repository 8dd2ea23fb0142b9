package app.rapport.platform.input;

/**
 * Bounds shared by every paged operation. Pages are counted from 0; the last page a caller may ask for
 * keeps {@code page × size} (the database offset) far inside an int for every page size Rapport
 * offers (at most 200 × 10 000), where an unbounded page overflowed into a negative offset.
 */
public final class Paging {

    public static final int LAST_PAGE = 10_000;
    public static final String LAST_PAGE_MESSAGE = "must be from 0 to " + LAST_PAGE;

    private Paging() {
    }
}
