package app.rapport.devkit.tokens;

import java.time.Duration;
import java.util.List;

/**
 * What goes into a minted token. Tests change one thing at a time (expired, wrong issuer, other
 * roles) to prove each check is enforced.
 */
public record TokenSpec(DemoUser user, List<String> roles, String issuer, String audience, Duration validFor,
                        Duration issuedAgo) {

    public static TokenSpec of(DemoUser user) {
        return new TokenSpec(user, user.roles(), null, DemoUsers.AUDIENCE, Duration.ofHours(1), Duration.ZERO);
    }

    public TokenSpec withRoles(String... newRoles) {
        return new TokenSpec(user, List.of(newRoles), issuer, audience, validFor, issuedAgo);
    }

    public TokenSpec withIssuer(String newIssuer) {
        return new TokenSpec(user, roles, newIssuer, audience, validFor, issuedAgo);
    }

    public TokenSpec withAudience(String newAudience) {
        return new TokenSpec(user, roles, issuer, newAudience, validFor, issuedAgo);
    }

    /** Issued two hours ago, valid for one: expired an hour ago. */
    public TokenSpec expired() {
        return new TokenSpec(user, roles, issuer, audience, Duration.ofHours(1), Duration.ofHours(2));
    }
}
