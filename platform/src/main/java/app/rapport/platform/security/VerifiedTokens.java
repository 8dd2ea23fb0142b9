package app.rapport.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature and claims have been verified, each until the earlier of its expiry and a maximum age.
 * The key is the whole compact token, so only a byte-for-byte identical token is served from here.
 */
public final class VerifiedTokens {

    private record Verified(JsonWebToken token, Instant trustedUntil) {
    }

    private final Duration maxAge;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Verified> byToken = new ConcurrentHashMap<>();

    public VerifiedTokens(Duration maxAge, int maxEntries) {
        if (maxAge.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("max age must not be negative and max entries must be positive");
        }
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** The verified token for this compact form, if it was verified and is still trusted at {@code now}. */
    public Optional<JsonWebToken> find(String compact, Instant now) {
        Verified verified = byToken.get(compact);
        if (verified == null) {
            return Optional.empty();
        }
        if (!now.isBefore(verified.trustedUntil())) {
            byToken.remove(compact, verified);
            return Optional.empty();
        }
        return Optional.of(verified.token());
    }

    /** Remembers a token the verifier has just accepted; a token without an expiry is never remembered. */
    public void remember(String compact, JsonWebToken token, Instant now) {
        long expiresAt = expiry(token);
        if (expiresAt <= 0) {
            return;
        }
        Instant trustedUntil = min(Instant.ofEpochSecond(expiresAt), now.plus(maxAge));
        if (!now.isBefore(trustedUntil)) {
            return;
        }
        if (byToken.size() >= maxEntries) {
            byToken.values().removeIf(verified -> !now.isBefore(verified.trustedUntil()));
            if (byToken.size() >= maxEntries) {
                // A flood of distinct live tokens: start over rather than grow or pick victims one by one.
                byToken.clear();
            }
        }
        byToken.put(compact, new Verified(token, trustedUntil));
    }

    public int size() {
        return byToken.size();
    }

    /** Seconds since the epoch, or 0 if the token has none (the claim's type differs between token readers). */
    private static long expiry(JsonWebToken token) {
        Object exp = token.getClaim("exp");
        if (exp instanceof Number number) {
            return number.longValue();
        }
        if (exp instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        return 0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
