package app.rapport.web.exposure;

import app.rapport.web.config.WebClientConfig;
import app.rapport.web.forwarding.RouteTable;
import app.rapport.web.spa.SinglePageRoutes;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP server metrics are tagged with a route template, never with the raw path: the front door's paths hold
 * client ids and one-time feedback tokens. Every request is named before any handler runs (so even a request
 * the browser abandons is named): forwarded API calls by their service's prefix, the app's routes as one,
 * anything else as one fixed tag. The sign-in and config resources keep their own templates.
 */
@ApplicationScoped
public class RouteMetrics {

    static final String UNMATCHED = "/unmatched";
    static final String APP_ROUTE = "/{app-route}";
    static final String FEEDBACK_PAGE = "/feedback/{token}";
    static final String ASSET = "/assets/{file}";

    private final RouteTable routes;

    RouteMetrics(WebClientConfig config) {
        this.routes = new RouteTable(config.forwarding().routes());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            tag(context, templateFor(context.normalizedPath()));
            context.next();
        });
    }

    /** The tag of a path: a fixed name chosen from its kind, never a part of the path that varies. */
    String templateFor(String path) {
        if (path.startsWith("/api/")) {
            return routes.find(path).map(target -> target.prefix() + "/**").orElse(UNMATCHED);
        }
        if (path.startsWith(NoStoreHeaders.ASSETS)) {
            return ASSET;
        }
        if (SinglePageRoutes.isClientRoute(path)) {
            return path.startsWith("/feedback/") ? FEEDBACK_PAGE : APP_ROUTE;
        }
        return UNMATCHED;
    }

    private static void tag(RoutingContext context, String template) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
        if (metric != null) {
            metric.setTemplatePath(template);
        }
    }
}
