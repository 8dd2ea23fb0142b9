package app.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified access tokens (see {@code VerifiedTokenCache}). */
@ConfigMapping(prefix = "rapport.security.verified-tokens")
public interface TokenCacheConfig {

    /** Off: every request verifies its token's signature again. */
    @WithDefault("true")
    boolean cacheEnabled();

    /**
     * Longest a verification is trusted, however long the token lives. Keep it below the JWKS refresh interval, so
     * that a signing key the identity provider withdraws stops working no later than it would without the cache.
     */
    @WithDefault("5m")
    Duration maxAge();

    /** Bounds the memory a flood of distinct tokens can take (about 2 KB each). */
    @WithDefault("10000")
    int maxEntries();
}
