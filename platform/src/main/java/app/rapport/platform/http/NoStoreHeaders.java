package app.rapport.platform.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of the public API may carry personal data (or show a secret once), so none may be kept by a
 * browser or a shared cache, and none may be sniffed into another content type. The headers are added just
 * before the head is written, so they reach every answer: resources, problem answers, and what the HTTP layer
 * itself refuses (401, 404, 405, 413). A resource that chose a stricter Cache-Control keeps its own.
 */
@ApplicationScoped
public class NoStoreHeaders {

    public static final String CACHE_CONTROL = "no-store";
    public static final String CONTENT_TYPE_OPTIONS = "nosniff";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(NoStoreHeaders::addOnHeadersEnd);
    }

    static void addOnHeadersEnd(RoutingContext context) {
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> {
            if (!response.headers().contains("Cache-Control")) {
                response.putHeader("Cache-Control", CACHE_CONTROL);
            }
            response.putHeader("X-Content-Type-Options", CONTENT_TYPE_OPTIONS);
        });
        context.next();
    }
}
