package app.rapport.platform.links;

import app.rapport.platform.config.PublicAddressConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Builds the absolute URLs services emit ({@code Location} headers, calendar feeds, feedback links, links in
 * emails) from the configured public base URL, so that a forged {@code Host} or {@code X-Forwarded-Host} header
 * cannot point them elsewhere.
 */
@ApplicationScoped
@Startup // a malformed base URL stops the service at start, not at its first 201
public class PublicUrls {

    private final URI base;

    @Inject
    public PublicUrls(PublicAddressConfig config) {
        this.base = checked(config.baseUrl());
    }

    /** The base itself, without a trailing slash: e.g. {@code https://rapport.example.org}. */
    public String base() {
        return base.toString();
    }

    /**
     * The base followed by {@code path}, e.g. {@code of("/api/v1/clients/", id)}. The parts are joined as given, so
     * callers pass only ids, tokens and fixed text (never caller-supplied paths).
     */
    public URI of(Object... parts) {
        StringBuilder path = new StringBuilder(base.toString());
        for (Object part : parts) {
            path.append(part);
        }
        return URI.create(path.toString());
    }

    /** An absolute http(s) origin, optionally with a path prefix, and nothing else (no query, no credentials). */
    static URI checked(String configured) {
        URI uri;
        try {
            uri = new URI(configured.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rapport.public.base-url is not a URL: " + configured, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "rapport.public.base-url must be an absolute http(s) URL with a host and no query: " + configured);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
