package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls to the running platform as one caller (a user's token, any raw token, or none). The service
 * is chosen from the path exactly as the front door routes it, so tests write only API paths.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every answer any system test received, for comparing with what the OpenAPI documents declare. */
    private static final List<Reply> ANSWERS = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final String token;

    private Api(String token) {
        this.token = token;
    }

    static Api as(DemoUser user) {
        return new Api(SystemPlatform.platform().issuer().tokenFor(user));
    }

    static Api withToken(String token) {
        return new Api(token);
    }

    static Api anonymous() {
        return new Api(null);
    }

    /** The service that owns a path, by the fixed prefix routing of the API. */
    static String serviceFor(String path) {
        if (path.startsWith("/api/v1/clients") || path.startsWith("/api/v1/organisations")) {
            return "client-service";
        }
        if (path.startsWith("/api/v1/sessions")) {
            return "session-service";
        }
        if (path.startsWith("/api/v1/alliance") || path.startsWith("/api/v1/feedback")) {
            return "alliance-service";
        }
        if (path.startsWith("/api/v1/notifications")) {
            return "notification-service";
        }
        throw new IllegalArgumentException("No service serves " + path);
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    /** A JSON body (a String is sent as it is, anything else is written as JSON); null sends none. */
    Reply send(String method, String path, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? null : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : write(body);
        return raw(method, SystemPlatform.platform().serviceUrl(serviceFor(path)) + path, bytes, "application/json", headers);
    }

    /** Any bytes with any content type, for malformed and oversized bodies. */
    Reply raw(String method, String url, byte[] body, String contentType, Map<String, String> headers) {
        // No Accept header, like most clients: each operation answers in its own type (JSON, FHIR, iCalendar).
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return recorded(new Reply(method + " " + url, response.statusCode(), response.headers().map(), response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET whose answer may be an endless stream (server-sent events): whatever arrives within
     * {@code listen} is the body. A refusal comes back whole, as usual.
     */
    Reply peek(String path, Duration listen) {
        String url = SystemPlatform.platform().serviceUrl(serviceFor(path)) + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        StringBuilder body = new StringBuilder();
        var pending = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<java.util.stream.Stream<String>> response = pending.get(30, java.util.concurrent.TimeUnit.SECONDS);
            Thread reader = new Thread(() -> response.body().forEach(line -> {
                synchronized (body) {
                    body.append(line).append('\n');
                }
            }));
            reader.setDaemon(true);
            reader.start();
            reader.join(listen.toMillis());
            response.body().close();
            synchronized (body) {
                return recorded(new Reply("GET " + url, response.statusCode(), response.headers().map(), body.toString()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } finally {
            pending.cancel(true);
        }
    }

    private static Reply recorded(Reply reply) {
        ANSWERS.add(reply);
        return reply;
    }

    /** The answers received so far, oldest first. */
    static List<Reply> answers() {
        synchronized (ANSWERS) {
            return List.copyOf(ANSWERS);
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Builds a JSON object inline: {@code Api.object("kind", "settlement", "occurredOn", today)}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** One answer; {@code expect} fails the test with the request and the whole body when the status is not as expected. */
    record Reply(String request, int status, Map<String, List<String>> headers, String body) {

        Reply expect(int... statuses) {
            if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
                throw new AssertionError(request + " answered " + status + ", expected " + Arrays.toString(statuses) + ": " + body);
            }
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(request + " did not answer JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }
    }
}
