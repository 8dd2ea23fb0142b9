package app.rapport.platform.input;

import java.util.regex.Pattern;

/**
 * What a query or path parameter's text must look like for its declared type. Checked before the
 * framework converts it, so a value it cannot convert is a 400 naming the parameter (the framework
 * would answer 404) and a boolean is exactly {@code true} or {@code false} (the framework reads
 * anything else as false).
 */
enum ValueKind {
    WHOLE_NUMBER("must be a whole number") {
        @Override
        boolean accepts(String value) {
            try {
                Integer.parseInt(value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    },
    LONG_NUMBER("must be a whole number") {
        @Override
        boolean accepts(String value) {
            try {
                Long.parseLong(value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    },
    BOOLEAN("must be true or false") {
        @Override
        boolean accepts(String value) {
            return value.equals("true") || value.equals("false");
        }
    },
    ID("must be an id (UUID, e.g. 3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b)") {
        @Override
        boolean accepts(String value) {
            return CANONICAL_UUID.matcher(value).matches();
        }
    },
    TEXT("") {
        @Override
        boolean accepts(String value) {
            return true;
        }
    };

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String requirement;

    ValueKind(String requirement) {
        this.requirement = requirement;
    }

    abstract boolean accepts(String value);

    String requirement() {
        return requirement;
    }

    static ValueKind of(Class<?> type) {
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return WHOLE_NUMBER;
        } else if (type == long.class || type == Long.class) {
            return LONG_NUMBER;
        } else if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        } else if (type == java.util.UUID.class) {
            return ID;
        }
        return TEXT;
    }
}
