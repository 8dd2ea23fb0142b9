package app.rapport.platform.subjectaccess;

import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks another Rapport service for its part of a client's data, as the caller: the caller's own token goes along,
 * so the other service authorises the request by its own rule and audits it under the caller's name. Whatever
 * keeps a service from answering (unreachable, slow, refusing, or answering nonsense) becomes one clear
 * {@code 503 peer-unavailable} naming that service: a composed answer is complete or refused, never partial.
 */
@ApplicationScoped
public class PeerClient {

    private static final Logger LOG = Logger.getLogger(PeerClient.class);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    /** Starts the request now; {@link CompletableFuture#join()} gives the answer or throws the 503. */
    public <T> CompletableFuture<T> get(String service, URI base, String path, Class<T> type, Duration timeout) {
        return get(service, base, path, json.getTypeFactory().constructType(type), timeout);
    }

    private <T> CompletableFuture<T> get(String service, URI base, String path, JavaType type, Duration timeout) {
        URI target = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).GET()
                .header("Authorization", "Bearer " + token.getRawToken())
                .header("Accept", "application/json")
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                LOG.warnf("%s did not answer %s: %s", service, target, failure.toString());
                throw unavailable(service, "could not be reached");
            }
            if (response.statusCode() != 200) {
                LOG.warnf("%s answered %d to %s", service, response.statusCode(), target);
                throw unavailable(service, response.statusCode() == 404
                        ? "does not know this client yet (its copy of the client may still be catching up)"
                        : "answered " + response.statusCode());
            }
            try {
                return json.<T>readValue(response.body(), type);
            } catch (java.io.IOException e) {
                LOG.warnf("%s answered %s with a body that is not its part: %s", service, target, e.getMessage());
                throw unavailable(service, "answered something that is not its part");
            }
        });
    }

    /** The answer, or the 503 the request ended in (unwrapped from the future's exception). */
    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw e;
        }
    }

    private static ProblemException unavailable(String service, String why) {
        return new ProblemException(Problem.of(503, "peer-unavailable", "A service could not answer",
                service + " " + why + ", so nothing was composed; try again shortly"));
    }
}
