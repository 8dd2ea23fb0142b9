package app.rapport.platform.http;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP server metrics are tagged with the matched resource's template ({@code /api/v1/clients/{clientId}}).
 * A request no resource matched (an unknown path, a refused method, a body over the limit) would otherwise be
 * tagged with its raw path, and a path carries ids and one-time tokens: those requests all share one fixed tag.
 * The REST layer's template, when there is one, still wins.
 */
@ApplicationScoped
public class UnmatchedRouteMetrics {

    /** The uri tag of every request that no resource template matched. */
    public static final String BUCKET = "/unmatched";

    void register(@Observes Router router) {
        // Before any other handler, so even a request that is reset before its answer is named.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            fallBackToBucket(context);
            context.next();
        });
    }

    /** The metric's fallback name; the REST layer's matched template, kept apart from it, takes precedence. */
    private static void fallBackToBucket(RoutingContext context) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
        if (metric != null) {
            metric.setTemplatePath(BUCKET);
        }
    }
}
