package app.rapport.devkit.tokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A development identity provider: publishes a JWKS and mints tokens for the demo users. Its key
 * pair is generated in memory at start-up (nothing secret is stored anywhere) and it listens on
 * loopback only. Services know nothing about it: they are pointed at its JWKS URL exactly as they
 * would be at the production identity provider's.
 */
public final class DevTokenIssuer implements AutoCloseable {

    private final RsaJsonWebKey signingKey;
    private final HttpServer server;
    private final String issuer;

    private DevTokenIssuer(HttpServer server) throws JoseException {
        this.signingKey = newKey("rapport-dev-" + UUID.randomUUID());
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/dev-issuer";
    }

    /** Starts on loopback; port 0 picks a free one. */
    public static DevTokenIssuer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DevTokenIssuer issuer;
        try {
            issuer = new DevTokenIssuer(server);
        } catch (JoseException e) {
            throw new IOException("Cannot generate the development signing key", e);
        }
        server.createContext("/dev-issuer/jwks", issuer::jwks);
        server.createContext("/dev-issuer/token/", issuer::token);
        server.createContext("/dev-issuer/users", issuer::users);
        server.start();
        return issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + "/jwks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String tokenFor(DemoUser user) {
        return mint(TokenSpec.of(user));
    }

    public String mint(TokenSpec spec) {
        return sign(claims(spec), signingKey);
    }

    /** A token signed by a key the JWKS does not publish, under the real key id. */
    public String mintWithForeignKey(TokenSpec spec) {
        try {
            return sign(claims(spec), newKey(signingKey.getKeyId()));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}), which no service may accept. */
    public String mintUnsigned(TokenSpec spec) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = base64.encodeToString(claims(spec).toJson().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private JwtClaims claims(TokenSpec spec) {
        DemoUser user = spec.user();
        Instant issuedAt = Instant.now().minus(spec.issuedAgo());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(spec.issuer() != null ? spec.issuer() : issuer);
        claims.setAudience(spec.audience());
        claims.setSubject(user.userId());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(spec.validFor()).getEpochSecond()));
        claims.setClaim("preferred_username", user.username());
        claims.setClaim("upn", user.username());
        claims.setClaim("name", user.name());
        claims.setClaim("email", user.email());
        claims.setStringListClaim("groups", spec.roles());
        claims.setClaim("org", user.organisationId());
        claims.setStringListClaim("teams", user.teamIds());
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey(String keyId) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(keyId);
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        return key;
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", new JsonWebKeySet(signingKey).toJson());
    }

    /** {@code GET /dev-issuer/token/alice} answers with a bearer token for alice, as plain text. */
    private void token(HttpExchange exchange) throws IOException {
        String username = exchange.getRequestURI().getPath().substring("/dev-issuer/token/".length());
        var user = DemoUsers.byUsername(username);
        if (user.isEmpty()) {
            respond(exchange, 404, "text/plain", "No demo user '" + username + "'. Known: "
                    + DemoUsers.ALL.stream().map(DemoUser::username).collect(Collectors.joining(", ")) + "\n");
            return;
        }
        respond(exchange, 200, "text/plain", tokenFor(user.get()));
    }

    private void users(HttpExchange exchange) throws IOException {
        String json = DemoUsers.ALL.stream()
                .map(u -> Map.of("username", u.username(), "name", u.name(), "roles", String.join(" ", u.roles())))
                .map(m -> "{\"username\":\"" + m.get("username") + "\",\"name\":\"" + m.get("name")
                        + "\",\"roles\":\"" + m.get("roles") + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        respond(exchange, 200, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
