package app.rapport.devkit.testing;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.TokenSpec;

/** Bearer tokens from the test JVM's development issuer. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(DemoUser user) {
        return SharedInfrastructure.tokens().tokenFor(user);
    }

    public static String of(TokenSpec spec) {
        return SharedInfrastructure.tokens().mint(spec);
    }

    public static String withForeignKey(TokenSpec spec) {
        return SharedInfrastructure.tokens().mintWithForeignKey(spec);
    }

    public static String unsigned(TokenSpec spec) {
        return SharedInfrastructure.tokens().mintUnsigned(spec);
    }
}
