package app.rapport.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The web client's settings: where API prefixes go, and how people sign in. */
@ConfigMapping(prefix = "rapport.web")
public interface WebClientConfig {

    Forwarding forwarding();

    Auth auth();

    interface Forwarding {
        /** Off in Kubernetes, where the Ingress routes /api by the same prefixes. */
        @WithDefault("true")
        boolean enabled();

        /** Path prefix (e.g. {@code /api/v1/sessions}) → base URL of the service that owns it. */
        Map<String, URI> routes();
    }

    interface Auth {
        /** {@code development} (demo users from the development issuer) or {@code oidc}. */
        AuthMode mode();

        Optional<String> oidcAuthority();

        String clientId();

        /** The development token issuer, e.g. {@code http://127.0.0.1:8090/dev-issuer}; development mode only. */
        Optional<URI> devIssuerUrl();
    }

    enum AuthMode {
        development, oidc
    }
}
