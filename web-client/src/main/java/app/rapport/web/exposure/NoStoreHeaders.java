package app.rapport.web.exposure;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * No answer of the front door may be kept by a browser or a shared cache, except the hashed build assets:
 * forwarded API answers and the front door's own problems carry personal data, the app page is opened under
 * URLs that hold one-time tokens ({@code /feedback/<token>}), and sign-in answers carry tokens. The headers
 * are set just before the head is written, so they reach every answer, whatever produced it.
 */
@ApplicationScoped
public class NoStoreHeaders {

    static final String ASSETS = "/assets/";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(NoStoreHeaders::addOnHeadersEnd);
    }

    private static void addOnHeadersEnd(RoutingContext context) {
        HttpServerResponse response = context.response();
        boolean hashedAsset = context.normalizedPath().startsWith(ASSETS);
        context.addHeadersEndHandler(ignored -> {
            if (!hashedAsset || response.getStatusCode() != 200) {
                response.putHeader("Cache-Control", "no-store");
            }
            response.putHeader("X-Content-Type-Options", "nosniff");
        });
        context.next();
    }
}
