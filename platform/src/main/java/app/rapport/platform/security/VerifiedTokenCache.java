package app.rapport.platform.security;

import app.rapport.platform.config.TokenCacheConfig;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Verifies each distinct access token once rather than on every request. A professional's browser sends the same
 * token for minutes, and checking its RS256 signature was the largest single cost of a read (BENCHMARKS.md, B1).
 * Only successful verifications are kept, never failures.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final boolean enabled;
    private final VerifiedTokens verified;
    private final VerifiedTokenMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    @Inject
    VerifiedTokenCache(@Delegate JWTParser verifier, TokenCacheConfig config, VerifiedTokenMetrics metrics) {
        this.verifier = verifier;
        this.enabled = config.cacheEnabled();
        this.verified = new VerifiedTokens(config.maxAge(), config.maxEntries());
        this.metrics = metrics;
    }

    @Override
    public JsonWebToken parse(String compact) throws ParseException {
        if (!enabled) {
            return verifier.parse(compact);
        }
        var cached = verified.find(compact, clock.instant());
        if (cached.isPresent()) {
            metrics.cached();
            return cached.get();
        }
        JsonWebToken token = verifier.parse(compact);
        metrics.verified();
        verified.remember(compact, token, clock.instant());
        return token;
    }
}
