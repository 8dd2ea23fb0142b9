package app.rapport.deploy.support;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Fails with every breach a check found, one per line. */
public final class Violations {

    private Violations() {
    }

    public static void assertNone(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " breach(es)\n  - " + String.join("\n  - ", problems));
        }
    }
}
