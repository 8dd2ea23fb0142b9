package app.rapport.notifications.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal server-sent-events reader over a real HTTP connection, as a browser's EventSource would be. */
public final class SseClient implements AutoCloseable {

    /** One received event. */
    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int status;

    public SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            List<String> lines = new ArrayList<>();
            try {
                r.body().forEach(line -> {
                    if (line.isEmpty()) {
                        dispatch(lines);
                        lines.clear();
                    } else {
                        lines.add(line);
                    }
                });
            } catch (RuntimeException closed) {
                // the connection was closed by us
            }
        });
    }

    private void dispatch(List<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        if (data.length() > 0) {
            events.add(new Event(id, name, data.toString()));
        }
    }

    /** Waits for the response headers. */
    public SseClient connected() throws Exception {
        response.get(20, TimeUnit.SECONDS);
        return this;
    }

    public int status() throws Exception {
        return response.get(20, TimeUnit.SECONDS).statusCode();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        // Closing the body cancels the exchange: the server sees the connection go.
        response.thenAccept(r -> r.body().close());
    }
}
