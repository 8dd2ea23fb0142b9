package app.rapport.alliance.scoring;

/** A response that cannot be scored; names the item (or {@code answers}) at fault. */
public class InvalidResponseException extends IllegalArgumentException {

    private final String field;

    public InvalidResponseException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
