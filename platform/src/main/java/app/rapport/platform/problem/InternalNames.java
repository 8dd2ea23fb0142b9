package app.rapport.platform.problem;

import java.util.regex.Pattern;

/**
 * Recognises text that would tell a caller how Rapport is built: a Java package or class name, an
 * exception type, an enum's Java form or SQL. Such text comes from a library's exception message
 * reaching an answer; the problem mappers replace it with a plain sentence and log the original.
 */
public final class InternalNames {

    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(?:app\\.rapport|javax?|jakarta|com\\.fasterxml|org\\.(?:hibernate|postgresql|jboss|eclipse|apache|flywaydb)"
                    + "|io\\.(?:quarkus|vertx|smallrye|netty)|net\\.fortuna|ca\\.uhn)\\.[A-Za-z]"
                    + "|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b"
                    + "|\\bSQL(?:STATE)?\\b|\\benum constant\\b|\\benum class\\b|\\$[0-9A-Z]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private InternalNames() {
    }

    public static boolean mentioned(String text) {
        return text != null && INTERNAL.matcher(text).find();
    }
}
