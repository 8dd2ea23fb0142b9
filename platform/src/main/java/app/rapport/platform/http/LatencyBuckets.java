package app.rapport.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * A few fixed latency buckets on the HTTP server timer, so that the slow-API alert in docs/operations.md
 * ("more than 1 % of requests slower than 1 s") has a {@code le="1.0"} bucket to count; a full histogram
 * would multiply the series by some seventy.
 */
@ApplicationScoped
public class LatencyBuckets {

    static final Duration[] BOUNDS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500)};

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] nanos = new double[BOUNDS.length];
                for (int i = 0; i < BOUNDS.length; i++) {
                    nanos[i] = BOUNDS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
