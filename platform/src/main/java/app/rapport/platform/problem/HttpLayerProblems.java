package app.rapport.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over the size limit with problem+json before it is read, instead of the
 * HTTP layer's bare 413. (A chunked body without a length still meets the HTTP layer's own limit.)
 */
@ApplicationScoped
public class HttpLayerProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    private void refuseOversizedBodies(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            Problem problem = Problem.of(413, "payload-too-large", "The request body is too large",
                    "Bodies are limited to " + maxBodySize.asLongValue() / 1024 + " KiB");
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
