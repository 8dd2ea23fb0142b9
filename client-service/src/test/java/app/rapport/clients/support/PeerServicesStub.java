package app.rapport.clients.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for session-, alliance- and notification-service in client-service's own tests, on one loopback port,
 * so composing their parts can be tested here (the stack's system tests run the real services). By default each
 * answers a one-row part and an empty audit for any client; a test changes how one service answers for one client
 * through {@link #answer}: its audit entries, or no answer at all. It remembers the token each request carried.
 */
public class PeerServicesStub implements QuarkusTestResourceLifecycleManager {

    private static final Pattern PATH = Pattern.compile("/api/v1/(sessions|alliance|notifications)/clients/([0-9a-f-]{36})/subject-access(/audit)?");
    private static final Map<String, String> SERVICES = Map.of("sessions", "session-service", "alliance", "alliance-service",
            "notifications", "notification-service");
    private static final String PORT_PROPERTY = "rapport.test.peer-stub-port";

    /** Stand-in entries are this far back from the stub's start, a minute apart, a second apart between services. */
    private static final Instant START = Instant.now().minusSeconds(3600);

    private HttpServer server;
    /** "service client" → how to answer: "down", or "entries:N" (N audit entries, an hour or more ago). */
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        // The tests run in this JVM: they find the stub's port here.
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getAddress().getPort()));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("rapport.peers.session-service", base, "rapport.peers.alliance-service", base,
                "rapport.peers.notification-service", base, "rapport.peers.timeout", "PT5S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/stub/answer")) {
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            answers.put(query.get("service") + " " + query.get("client"), query.get("how"));
            send(exchange, 204, "");
            return;
        }
        if (path.equals("/stub/token")) {
            send(exchange, 200, tokens.getOrDefault(exchange.getRequestURI().getQuery().substring(7), ""));
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            send(exchange, 404, "{}");
            return;
        }
        String service = SERVICES.get(m.group(1));
        String client = m.group(2);
        tokens.put(client, exchange.getRequestHeaders().getFirst("Authorization"));
        String answer = answers.getOrDefault(service + " " + client, "entries:0");
        if (answer.equals("down")) {
            send(exchange, 500, "{}");
            return;
        }
        int count = Integer.parseInt(answer.substring("entries:".length()));
        StringBuilder entries = new StringBuilder();
        Instant now = Instant.now();
        long serviceOffset = List.copyOf(new java.util.TreeSet<>(SERVICES.values())).indexOf(service);
        for (int i = 0; i < count; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"service\":\"").append(service).append("\",\"id\":").append(i + 1)
                    .append(",\"at\":\"").append(START.minusSeconds(60L * i + serviceOffset)).append("\",\"clientId\":\"").append(client)
                    .append("\",\"actorId\":\"stub-actor\",\"actorRoles\":\"case-manager\",\"action\":\"read\",\"resource\":\"")
                    .append(service).append("-data\",\"basis\":\"care-circle:case-manager\"}");
        }
        if (m.group(3) != null) {
            send(exchange, 200, "{\"service\":\"" + service + "\",\"total\":" + count + ",\"entries\":[" + entries + "]}");
        } else {
            send(exchange, 200, "{\"service\":\"" + service + "\",\"clientId\":\"" + client + "\",\"generatedAt\":\"" + now
                    + "\",\"sections\":{\"held\":[{\"clientId\":\"" + client + "\"}]},\"audit\":[" + entries + "]}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Makes one service answer differently for one client: {@code down}, or {@code entries:N}. */
    public static void answer(String service, String clientId, String how) {
        call("/stub/answer?service=" + service + "&client=" + clientId + "&how=" + how);
    }

    /** The Authorization header the last request about the client carried. */
    public static String tokenSeenFor(String clientId) {
        return call("/stub/token?client=" + clientId);
    }

    private static String call(String pathAndQuery) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
