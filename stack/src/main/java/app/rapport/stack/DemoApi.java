package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DevTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON calls to a Rapport service as one of the demo users; any refusal stops the demo load with the service's answer. */
public final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DevTokenIssuer issuer;
    private final String baseUrl;

    public DemoApi(DevTokenIssuer issuer, String baseUrl) {
        this.issuer = issuer;
        this.baseUrl = baseUrl;
    }

    public JsonNode get(DemoUser user, String path) throws IOException, InterruptedException {
        return send(user, "GET", path, null);
    }

    public JsonNode post(DemoUser user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "POST", path, body);
    }

    public JsonNode put(DemoUser user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "PUT", path, body);
    }

    /** A call that needs no account, e.g. a client answering a one-time feedback link on their phone. */
    JsonNode postWithoutToken(String path, Object body) throws IOException, InterruptedException {
        return send(null, "POST", path, body);
    }

    JsonNode getWithoutToken(String path) throws IOException, InterruptedException {
        return send(null, "GET", path, null);
    }

    /** The status of a GET, for waiting until a service has caught up with events. */
    public int status(DemoUser user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + issuer.tokenFor(user)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * As {@link #post}, but while the service answers with the problem type {@code notYet} (it has not caught up with
     * the events a just-made change published), waits and tries again, for up to a minute.
     */
    public JsonNode postOnceCaughtUp(DemoUser user, String path, Object body, String notYet)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> response = exchange(user, "POST", path, body);
            boolean behind = response.statusCode() / 100 == 4 && response.body().contains("\"" + notYet + "\"");
            if (!behind || System.nanoTime() > deadline) {
                return read(user, "POST", path, response);
            }
            Thread.sleep(200);
        }
    }

    private JsonNode send(DemoUser user, String method, String path, Object body) throws IOException, InterruptedException {
        return read(user, method, path, exchange(user, method, path, body));
    }

    private HttpResponse<String> exchange(DemoUser user, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Bearer " + issuer.tokenFor(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode read(DemoUser user, String method, String path, HttpResponse<String> response)
            throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " as " + (user == null ? "a client without an account" : user.username())
                    + " was refused with "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
