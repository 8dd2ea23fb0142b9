package app.rapport.web;

import app.rapport.devkit.tokens.DevTokenIssuer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The real development token issuer, and a stand-in service on loopback that echoes what it received
 * and streams server-sent events slowly, so forwarding can be checked byte for byte and event by event.
 */
public class UpstreamAndIssuer implements QuarkusTestResourceLifecycleManager {

    private DevTokenIssuer issuer;
    private HttpServer upstream;

    @Override
    public Map<String, String> start() {
        try {
            issuer = DevTokenIssuer.start(0);
            upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            upstream.setExecutor(Executors.newFixedThreadPool(4));
            upstream.createContext("/api/v1/notifications/inbox/stream", UpstreamAndIssuer::stream);
            upstream.createContext("/", UpstreamAndIssuer::echo);
            upstream.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String service = "http://127.0.0.1:" + upstream.getAddress().getPort();
        return Map.of(
                "rapport.web.auth.mode", "development",
                "rapport.web.auth.dev-issuer-url", issuer.issuer(),
                "rapport.web.forwarding.routes.\"/api/v1/notifications\"", service,
                "rapport.web.forwarding.routes.\"/api/v1/sessions\"", service,
                // Nothing listens here: the front door must say so rather than hang or fail with a 500.
                "rapport.web.forwarding.routes.\"/api/v1/alliance\"", "http://127.0.0.1:1");
    }

    /** Answers with the method, path, query, the Authorization header and the body it was sent. */
    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                + "authorization=" + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                + "connection-header-forwarded=" + (exchange.getRequestHeaders().getFirst("X-Hop") != null) + "\n"
                + new String(body, StandardCharsets.UTF_8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("X-Upstream", "yes");
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Three events, 700 ms apart, resuming after Last-Event-ID when given. */
    private static void stream(HttpExchange exchange) throws IOException {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        int from = last == null ? 1 : Integer.parseInt(last) + 1;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {

            for (int id = from; id < from + 3; id++) {
                out.write(("id: " + id + "\nevent: notification\ndata: {\"n\":" + id + "}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(700);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.stop(0);
        }
        if (issuer != null) {
            issuer.close();
        }
    }
}
