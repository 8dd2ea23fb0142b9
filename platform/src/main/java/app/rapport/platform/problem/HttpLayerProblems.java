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
 * HTTP layer's bare 413 (a chunked body without a length still meets the HTTP layer's own limit),
 * and an address carrying control characters with a 400.
 */
@ApplicationScoped
public class HttpLayerProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    private void refuseOversizedBodies(RoutingContext context) {
        if (hasControlCharacter(context.request().uri())) {
            // An encoded NUL or other control character in a path or query parameter has no legitimate use.
            Problem problem = Problem.invalid("The address contains a control character", java.util.List.of());
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
            return;
        }
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

    /** Looks at the raw URI: control characters arrive percent-encoded (%00 to %1F, %7F) or, rarely, as they are. */
    static boolean hasControlCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
            if (c == '%' && i + 2 < uri.length()) {
                int high = Character.digit(uri.charAt(i + 1), 16);
                int low = Character.digit(uri.charAt(i + 2), 16);
                if (high >= 0 && low >= 0 && (high * 16 + low < 0x20 || high * 16 + low == 0x7F)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
