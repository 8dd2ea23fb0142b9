package app.rapport.web.spa;

import java.net.URI;
import java.util.Optional;

/** Only this origin's scripts run; the identity provider is the one other place the app may talk to. */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    static String forAuthority(Optional<String> oidcAuthority) {
        String provider = oidcAuthority.filter(a -> !a.isBlank()).map(ContentSecurityPolicy::origin).orElse("");
        String extra = provider.isEmpty() ? "" : " " + provider;
        // Component styles are injected at run time, hence 'unsafe-inline' for styles (never for scripts).
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'" + extra + "; frame-src" + (extra.isEmpty() ? " 'none'" : extra)
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + extra;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
