package app.rapport.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One person's live inbox stream ({@code GET /api/v1/notifications/inbox/stream}), read as the web
 * client reads it: each server-sent event is handed over with the moment it arrived.
 */
final class InboxStreamReader implements AutoCloseable {

    /** A notification as it arrived on the stream; {@code receivedAt} is {@link System#nanoTime()}. */
    record Arrival(String eventType, String clientId, String link, long streamId, long receivedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final StringBuilder data = new StringBuilder();

    private InboxStreamReader(Vertx vertx) {
        this.client = vertx.createHttpClient();
    }

    /** Opens the stream and returns once the service has answered 200 (later items only, as without Last-Event-ID). */
    static InboxStreamReader open(Vertx vertx, String notificationServiceUrl, String token, Consumer<Arrival> onArrival)
            throws IOException, InterruptedException {
        InboxStreamReader reader = new InboxStreamReader(vertx);
        URI uri = URI.create(notificationServiceUrl);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/api/v1/notifications/inbox/stream").putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "text/event-stream");
        try {
            reader.client.request(options).compose(request -> request.send()).map(response -> {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("inbox stream answered " + response.statusCode());
                }
                RecordParser lines = RecordParser.newDelimited("\n", line -> reader.line(line.toString().stripTrailing(), onArrival));
                response.handler(lines);
                return 200;
            }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            reader.close();
            throw new IOException("Cannot open the inbox stream: " + e.getMessage(), e);
        }
        return reader;
    }

    /** Server-sent events: {@code data:} lines accumulate and a blank line ends the event. */
    private void line(String line, Consumer<Arrival> onArrival) {
        if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
        } else if (line.isEmpty() && data.length() > 0) {
            long receivedAt = System.nanoTime();
            try {
                JsonNode item = JSON.readTree(data.toString());
                onArrival.accept(new Arrival(item.path("eventType").asText(), item.path("clientId").asText(),
                        item.path("link").asText(), item.path("streamId").asLong(), receivedAt));
            } catch (IOException e) {
                Report.say("Unreadable stream item: " + data);
            }
            data.setLength(0);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
