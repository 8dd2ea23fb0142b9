package app.rapport.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aVerifiedTokenIsFoundUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 10);
        JsonWebToken token = expiringAt(NOW.plusSeconds(60));
        tokens.remember("a.b.c", token, NOW);

        assertSame(token, tokens.find("a.b.c", NOW.plusSeconds(59)).orElseThrow());
        assertTrue(tokens.find("a.b.c", NOW.plusSeconds(60)).isEmpty(), "not at its expiry");
        assertEquals(0, tokens.size(), "an expired entry is dropped when found");
    }

    @Test
    void noTokenIsTrustedLongerThanTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 10);
        tokens.remember("a.b.c", expiringAt(NOW.plus(Duration.ofHours(1))), NOW);

        assertTrue(tokens.find("a.b.c", NOW.plus(Duration.ofMinutes(5)).minusMillis(1)).isPresent());
        assertTrue(tokens.find("a.b.c", NOW.plus(Duration.ofMinutes(5))).isEmpty(), "verified again after five minutes");
    }

    @Test
    void onlyTheIdenticalTokenMatches() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 10);
        tokens.remember("header.payload.signature", expiringAt(NOW.plusSeconds(60)), NOW);

        assertTrue(tokens.find("header.payload.signaturf", NOW).isEmpty());
        assertTrue(tokens.find("header.payload.", NOW).isEmpty());
        assertTrue(tokens.find("header.payload.signature ", NOW).isEmpty());
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 10);
        tokens.remember("no-exp", expiringAt(null), NOW);
        tokens.remember("expired", expiringAt(NOW.minusSeconds(1)), NOW);

        assertEquals(0, tokens.size());
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstAndNeverGrowsBeyondItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 3);
        tokens.remember("short", expiringAt(NOW.plusSeconds(10)), NOW);
        tokens.remember("long-1", expiringAt(NOW.plusSeconds(600)), NOW);
        tokens.remember("long-2", expiringAt(NOW.plusSeconds(600)), NOW);

        Instant later = NOW.plusSeconds(20);
        tokens.remember("long-3", expiringAt(NOW.plusSeconds(600)), later);
        assertEquals(3, tokens.size(), "the expired entry made room");
        assertTrue(tokens.find("long-1", later).isPresent());

        for (int i = 0; i < 20; i++) {
            tokens.remember("flood-" + i, expiringAt(NOW.plusSeconds(600)), later);
            assertTrue(tokens.size() <= 3);
        }
        assertTrue(tokens.find("flood-19", later).isPresent(), "the newest is kept");
    }

    @Test
    void badSettingsAreRefused() {
        assertFalse(runs(() -> new VerifiedTokens(Duration.ofSeconds(-1), 10)));
        assertFalse(runs(() -> new VerifiedTokens(Duration.ofMinutes(1), 0)));
    }

    private static boolean runs(Runnable action) {
        try {
            action.run();
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    private static JsonWebToken expiringAt(Instant expiry) {
        Map<String, Object> claims = expiry == null ? Map.of() : Map.of("exp", expiry.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
