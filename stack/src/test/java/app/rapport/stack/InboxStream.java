package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A user's live inbox stream (server-sent events) read the way the web client reads it: opened with
 * {@code ?after=} the highest stream position already seen, so nothing between loading the inbox and
 * opening the stream can be missed. Collects every {@code notification} event's data.
 */
final class InboxStream implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private InboxStream(DemoUser user, long after) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SystemPlatform.platform().serviceUrl("notification-service")
                        + "/api/v1/notifications/inbox/stream?after=" + after))
                .header("Authorization", "Bearer " + SystemPlatform.platform().issuer().tokenFor(user))
                .header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            lines = answer.body();
            read(answer.body());
        });
    }

    /** Opens the stream after everything now in the user's inbox. */
    static InboxStream open(DemoUser user) {
        long highest = TestOrganisation.inbox(user).stream().mapToLong(n -> n.path("streamId").asLong()).max().orElse(0);
        return new InboxStream(user, highest);
    }

    private void read(Stream<String> body) {
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) body::iterator) {
            if (line.isEmpty()) {
                if ("notification".equals(name) && !data.isEmpty()) {
                    try {
                        events.add(Api.JSON.readTree(data.toString()));
                    } catch (IOException e) {
                        throw new AssertionError("stream event is not JSON: " + data, e);
                    }
                }
                name = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }

    List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    /** Waits until an event matching the condition arrived and returns it. */
    JsonNode await(Predicate<JsonNode> condition, Duration timeout, String what) {
        TestOrganisation.await(() -> events.stream().anyMatch(condition), timeout, what + " on the live inbox stream");
        return events.stream().filter(condition).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
