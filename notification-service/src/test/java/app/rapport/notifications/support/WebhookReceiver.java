package app.rapport.notifications.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP endpoint on loopback standing in for a firm's system. It answers from a script (e.g. 500,
 * 500, a hang, then 200s) and records every request it was sent.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Answer by hanging longer than the sender waits. */
    public static final int HANG = -1;

    public record Received(Instant at, Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int otherwise = 200;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer next = script.pollFirst();
            int answer = next == null ? otherwise : next;
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body, answer));
            if (answer == HANG) {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = 200;
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next answers, in order; after them, {@link #otherwise(int)}. */
    public WebhookReceiver answer(Integer... codes) {
        script.addAll(List.of(codes));
        return this;
    }

    public WebhookReceiver otherwise(int code) {
        otherwise = code;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
