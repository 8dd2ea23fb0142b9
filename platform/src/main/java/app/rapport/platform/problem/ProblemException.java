package app.rapport.platform.problem;

/** Thrown by use cases to end a request with a specific problem (e.g. 409 conflict, 422 rule broken). */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found"));
    }

    /** Two people saved the same thing at once; the later save lost and changed nothing. */
    public static ProblemException concurrentChange(String what) {
        return new ProblemException(Problem.of(409, "concurrent-change", "The " + what + " was changed at the same time",
                "Someone else changed this " + what + " while your change was being saved; read it again and reapply your change"));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, java.util.List.of(new Problem.FieldError(field, message))));
    }
}
