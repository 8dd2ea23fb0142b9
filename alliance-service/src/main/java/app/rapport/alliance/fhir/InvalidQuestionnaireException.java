package app.rapport.alliance.fhir;

/** A FHIR document that cannot be used as a measure; names the part at fault. */
public class InvalidQuestionnaireException extends IllegalArgumentException {

    private final String field;

    public InvalidQuestionnaireException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
