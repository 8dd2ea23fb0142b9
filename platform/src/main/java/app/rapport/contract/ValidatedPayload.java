package app.rapport.contract;

/** A payload that checks its required fields after it is read, so a consumer never acts on half an event. */
public interface ValidatedPayload {
    /** @throws IllegalArgumentException naming the first missing or invalid field */
    void validate();

    static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
