package app.rapport.web.forwarding;

import app.rapport.web.config.WebClientConfig;
import app.rapport.web.rest.Problems;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Forwards {@code /api/...} to the service that owns the prefix, streaming both bodies so that
 * server-sent events (the live inbox) pass straight through. The browser sees a single origin,
 * so no CORS is needed anywhere. Switched off where an Ingress does the same routing.
 */
@ApplicationScoped
public class ApiForwarder {

    private static final Logger LOG = Logger.getLogger(ApiForwarder.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection and are never passed on. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final WebClientConfig config;
    private final Vertx vertx;
    private RouteTable routes;
    private HttpClient client;

    ApiForwarder(WebClientConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        routes = new RouteTable(config.forwarding().routes());
        // Before any body handler: the request body must still be unread so it can be streamed on.
        router.route("/api/*").order(-10).handler(this::handle);
    }

    void logRoutes(@Observes StartupEvent event) {
        if (config.forwarding().enabled()) {
            routes.targets().forEach(t -> LOG.infof("Forwarding %s to %s", t.prefix(), t.service()));
        } else {
            LOG.info("API forwarding is off: an Ingress routes /api");
        }
    }

    private HttpClient client() {
        if (client == null) {
            // No idle timeout: a live event stream may be quiet for a long time.
            client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true));
        }
        return client;
    }

    private void handle(RoutingContext context) {
        HttpServerRequest in = context.request();
        if (!config.forwarding().enabled()) {
            fail(context.response(), 404, "not-found", "Not found", "The API is not served by the web client here");
            return;
        }
        var target = routes.find(in.path());
        if (target.isEmpty()) {
            fail(context.response(), 404, "not-found", "Not found", "No service serves " + in.path());
            return;
        }
        in.pause();
        var service = target.get().service();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(service.getHost())
                .setPort(service.getPort())
                .setURI(in.uri())
                .setHeaders(forwardedHeaders(in));
        client().request(options)
                .compose(out -> out.send(in))
                .onSuccess(upstream -> relay(context, upstream))
                .onFailure(error -> {
                    LOG.warnf("Forwarding %s %s to %s failed: %s", in.method(), in.path(), service, error.getMessage());
                    fail(context.response(), 502, "bad-gateway", "Service unavailable",
                            "The service behind " + target.get().prefix() + " did not answer; try again shortly");
                });
    }

    private static MultiMap forwardedHeaders(HttpServerRequest in) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set("X-Forwarded-Host", in.host() == null ? "" : in.host());
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.remoteAddress() != null) {
            headers.add("X-Forwarded-For", in.remoteAddress().hostAddress());
        }
        return headers;
    }

    private static void relay(RoutingContext context, HttpClientResponse upstream) {
        HttpServerResponse out = context.response();
        if (out.ended() || out.closed()) {
            upstream.request().reset();
            return;
        }
        out.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        // A browser leaving (e.g. closing the live stream) ends the upstream request too.
        out.closeHandler(v -> upstream.request().reset());
        if (!upstream.headers().contains("Content-Length")) {
            out.setChunked(true);
            // A live stream may stay quiet for minutes: the browser must see it open now, not at the first event.
            out.writeHead();
        }
        upstream.pipeTo(out);
    }

    private static void fail(HttpServerResponse out, int status, String type, String title, String detail) {
        if (out.headWritten()) {
            out.reset();
            return;
        }
        out.setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(Problems.json(status, type, title, detail));
    }
}
