package app.rapport.web.spa;

import app.rapport.web.config.WebClientConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * History-API fallback: a client route such as {@code /clients/42} or {@code /feedback/abc} is
 * answered with index.html, which then renders the route. Files (anything with an extension), the
 * API, health and the server's own endpoints are left to their handlers.
 */
@ApplicationScoped
public class SinglePageRoutes {

    private static final List<String> SERVER_PATHS = List.of("/api/", "/q/", "/auth/", "/assets/");

    private final String contentSecurityPolicy;
    private volatile Buffer indexHtml;

    SinglePageRoutes(WebClientConfig config) {
        this.contentSecurityPolicy = ContentSecurityPolicy.forAuthority(config.auth().oidcAuthority());
    }

    void register(@Observes Router router) {
        router.get().order(-5).handler(this::handle);
    }

    public static boolean isClientRoute(String path) {
        if (SERVER_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private void handle(RoutingContext context) {
        if (!isClientRoute(context.normalizedPath())) {
            context.next();
            return;
        }
        Buffer page = index();
        if (page == null) {
            context.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("The web client was built without its front end (-Dwebapp.skip).");
            return;
        }
        context.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .end(page);
    }

    private Buffer index() {
        if (indexHtml == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream("META-INF/resources/index.html")) {
                if (in == null) {
                    return null;
                }
                indexHtml = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read index.html", e);
            }
        }
        return indexHtml;
    }
}
