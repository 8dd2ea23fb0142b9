package app.rapport.web.service;

import app.rapport.web.config.WebClientConfig;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local run's development token issuer, reached only from this server: the browser gets the demo
 * users and a token for the chosen one, never the issuer's address. Off unless the issuer is configured
 * and the auth mode is {@code development}.
 */
@ApplicationScoped
public class DevelopmentIssuer {

    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public record DemoUser(String username, String name, String roles) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Optional<URI> issuer;
    private final ObjectMapper json;

    DevelopmentIssuer(WebClientConfig config, ObjectMapper json) {
        this.issuer = config.auth().mode() == WebClientConfig.AuthMode.development
                ? config.auth().devIssuerUrl() : Optional.empty();
        this.json = json;
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    public List<DemoUser> users() throws IOException, InterruptedException {
        String body = get("/users").body();
        return json.readValue(body, new TypeReference<>() {
        });
    }

    /** A token for a demo user, or empty when the issuer does not know them. */
    public Optional<String> tokenFor(String username) throws IOException, InterruptedException {
        if (!USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        HttpResponse<String> response = get("/token/" + username);
        return response.statusCode() == 200 ? Optional.of(response.body().trim()) : Optional.empty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI base = issuer.orElseThrow(() -> new IllegalStateException("Development sign-in is off"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
