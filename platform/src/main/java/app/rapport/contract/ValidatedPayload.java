package app.rapport.contract;

/** A payload that checks its required fields after it is read, so a consumer never acts on half an event. */
public interface ValidatedPayload {
    /** @throws IllegalArgumentException naming the first missing or invalid field */
    void validate();

    /** For fields that name the same thing two ways: exactly one must be given. */
    static void exactlyOne(Object first, String firstField, Object second, String secondField) {
        if ((first == null) == (second == null)) {
            throw new IllegalArgumentException("exactly one of " + firstField + " and " + secondField + " is required");
        }
    }

    static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
