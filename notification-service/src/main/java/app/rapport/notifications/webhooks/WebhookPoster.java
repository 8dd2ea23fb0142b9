package app.rapport.notifications.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one delivery attempt: resolves the URL's host once, checks every address against {@link UrlPolicy}, posts
 * the signed body to the first checked address through {@link PinnedPost}, and reports the outcome in the closed
 * vocabulary of {@link AttemptError}.
 */
final class WebhookPoster {

    /** What an attempt came to: a status code, or an error from the closed vocabulary (or both for non-2xx). */
    record Result(Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HostResolver resolver;
    private final PinnedPost post;
    private final boolean allowHttpLoopback;
    private final Duration timeout;

    WebhookPoster(HostResolver resolver, PinnedPost post, boolean allowHttpLoopback, Duration timeout) {
        this.resolver = resolver;
        this.post = post;
        this.allowHttpLoopback = allowHttpLoopback;
        this.timeout = timeout;
    }

    Result attempt(String url, String messageId, List<String> secrets, String body) {
        UrlPolicy.Destination destination;
        try {
            destination = UrlPolicy.destination(url, allowHttpLoopback, resolver);
        } catch (UrlPolicy.Refusal refusal) {
            return new Result(null, AttemptError.DESTINATION_NOT_ALLOWED.text);
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Rapport-Webhooks/1");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(secrets, messageId, timestamp, body));
        try {
            int status = post.post(destination, headers, body.getBytes(StandardCharsets.UTF_8), timeout);
            return new Result(status, status >= 200 && status < 300 ? null : AttemptError.status(status));
        } catch (IOException e) {
            return new Result(null, AttemptError.of(e).text);
        }
    }
}
