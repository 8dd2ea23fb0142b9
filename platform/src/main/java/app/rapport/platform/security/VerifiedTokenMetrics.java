package app.rapport.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How often a request's token was found already verified. Registered when the service starts, not on the first
 * request, so both counters are exported at zero from the start.
 */
@Startup
@ApplicationScoped
public class VerifiedTokenMetrics {

    private final Counter cached;
    private final Counter verified;

    VerifiedTokenMetrics(MeterRegistry metrics) {
        this.cached = Counter.builder("rapport.security.verified.tokens").tag("result", "cached")
                .description("Requests whose access token was found already verified").register(metrics);
        this.verified = Counter.builder("rapport.security.verified.tokens").tag("result", "verified")
                .description("Requests whose access token's signature and claims were checked").register(metrics);
    }

    void cached() {
        cached.increment();
    }

    void verified() {
        verified.increment();
    }
}
