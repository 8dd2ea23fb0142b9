package app.rapport.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A firm's webhook endpoint on loopback, as the firm would run it: records every delivery it accepts
 * and checks its Standard Webhooks signature itself (HMAC-SHA256 over {@code id.timestamp.body} with
 * the secret after {@code whsec_}), independently of notification-service's code. It can be taken
 * down and brought back on the same port, to play an outage.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One accepted delivery; {@code signatureValid} says whether any of its signatures matched the secret. */
    record Delivery(String messageId, long timestamp, String body, boolean signatureValid) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("webhook body is not JSON: " + body, e);
            }
        }

        String type() {
            return json().path("type").asText();
        }

        String clientId() {
            return json().path("data").path("clientId").asText();
        }
    }

    private final int port;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private HttpServer server;

    WebhookReceiver() throws IOException {
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** The URL to subscribe; the path is fixed so it stays valid across restarts. */
    String url() {
        return "http://127.0.0.1:" + port + "/hooks/rapport";
    }

    void secret(String whsecSecret) {
        this.secret = whsecSecret;
    }

    List<Delivery> received() {
        return new ArrayList<>(received);
    }

    /** Stops answering: connections are refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void start() throws IOException {
        if (server == null) {
            server = listen(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        created.createContext("/hooks/rapport", this::accept);
        created.start();
        return created;
    }

    private void accept(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String text = new String(body, StandardCharsets.UTF_8);
        received.add(new Delivery(id, timestamp == null ? -1 : Long.parseLong(timestamp), text,
                verifies(id, timestamp, text, signatures)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verifies(String id, String timestamp, String body, String signatures) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body);
        // Several space-separated "v1,<base64>" entries while an old secret still signs alongside a new one.
        return Arrays.stream(signatures.split(" ")).filter(s -> s.startsWith("v1,"))
                .anyMatch(s -> MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3))));
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
