package app.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where people and partner systems reach Rapport: the origin of the public front door (the Ingress host in a
 * cluster, the web client locally). Every absolute URL a service emits starts with it; no URL is ever built from a
 * request's {@code Host} or {@code X-Forwarded-*} headers, which the caller controls.
 */
@ConfigMapping(prefix = "rapport.public")
public interface PublicAddressConfig {

    /** e.g. {@code https://rapport.example.org} ({@code RAPPORT_PUBLIC_BASE_URL}); the local run's front door by default. */
    @WithDefault("http://localhost:8080")
    String baseUrl();
}
