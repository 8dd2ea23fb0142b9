package app.rapport.notifications.webhooks;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One attempt resolves once and connects to exactly the address it checked, whatever a second lookup would say;
 * over TLS the URL's host name is what the certificate is verified against. Real sockets on loopback throughout.
 */
class WebhookPosterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    /** A receiver on {@code address}; records the Host header of every request. */
    private HttpServer receiver(HttpServer server, List<String> hosts, int status) {
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    /** Answers {@code first} to the first lookup and {@code later} to every other one, counting lookups. */
    private record Rebinding(InetAddress first, InetAddress later, AtomicInteger lookups) implements HostResolver {
        static Rebinding of(String first, String later) throws IOException {
            return new Rebinding(InetAddress.getByName(first), InetAddress.getByName(later), new AtomicInteger());
        }

        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[]{lookups.getAndIncrement() == 0 ? first : later};
        }
    }

    private static WebhookPoster poster(HostResolver resolver, SSLSocketFactory tls) {
        return new WebhookPoster(resolver, new PinnedPost(tls, TIMEOUT), true, TIMEOUT);
    }

    private static WebhookPoster.Result attempt(WebhookPoster poster, String url) {
        return poster.attempt(url, "msg_1", List.of("whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), "{\"type\":\"t\"}");
    }

    @Test
    void eachAttemptLooksUpOnceAndPostsToTheAddressItChecked() throws Exception {
        List<String> atFirst = new CopyOnWriteArrayList<>();
        List<String> atSecond = new CopyOnWriteArrayList<>();
        HttpServer first = receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), atFirst, 204);
        int port = first.getAddress().getPort();
        receiver(HttpServer.create(new InetSocketAddress("127.0.0.2", port), 0), atSecond, 200);

        Rebinding dns = Rebinding.of("127.0.0.1", "127.0.0.2");
        WebhookPoster poster = poster(dns, (SSLSocketFactory) SSLSocketFactory.getDefault());
        String url = "http://hooks.firm.example:" + port + "/hook";

        WebhookPoster.Result one = attempt(poster, url);
        assertEquals(204, one.statusCode());
        assertEquals(1, dns.lookups().get(), "one lookup per attempt");
        assertEquals(List.of("hooks.firm.example:" + port), atFirst, "posted to the checked address, with the URL's host");
        assertTrue(atSecond.isEmpty(), "the later answer played no part in the first attempt");

        WebhookPoster.Result two = attempt(poster, url);
        assertEquals(200, two.statusCode(), "the next attempt resolves afresh");
        assertEquals(2, dns.lookups().get());
        assertEquals(1, atSecond.size());
    }

    @Test
    void aNameThatResolvesToAForbiddenAddressFailsTheAttemptWithoutConnecting() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), received, 200);
        int port = server.getAddress().getPort();
        // first lookup: an internal address; a second lookup would have answered loopback (the allowed test receiver)
        Rebinding dns = Rebinding.of("10.0.0.7", "127.0.0.1");
        WebhookPoster.Result result = attempt(poster(dns, (SSLSocketFactory) SSLSocketFactory.getDefault()),
                "http://hooks.firm.example:" + port + "/hook");
        assertEquals(new WebhookPoster.Result(null, "destination not allowed"), result);
        assertEquals(1, dns.lookups().get());
        assertTrue(received.isEmpty());
    }

    @Test
    void failuresAreRecordedInTheClosedVocabulary() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), received, 503);
        int port = server.getAddress().getPort();
        WebhookPoster poster = poster(Rebinding.of("127.0.0.1", "127.0.0.1"), (SSLSocketFactory) SSLSocketFactory.getDefault());
        assertEquals(new WebhookPoster.Result(503, "HTTP 503"), attempt(poster, "http://127.0.0.1:" + port + "/hook"));

        server.stop(0);
        WebhookPoster.Result refused = attempt(poster, "http://127.0.0.1:" + port + "/hook");
        assertEquals(new WebhookPoster.Result(null, "connection refused"), refused);
    }

    @Test
    void overTlsTheCertificateIsVerifiedAgainstTheUrlsHostNotTheAddress(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSigned(dir, "hooks.firm.example");
        SSLContext serverTls = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        List<String> received = new CopyOnWriteArrayList<>();
        receiver(https, received, 200);
        int port = https.getAddress().getPort();

        SSLContext clientTls = SSLContext.getInstance("TLS");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        clientTls.init(null, trust.getTrustManagers(), null);
        WebhookPoster trusting = poster(Rebinding.of("127.0.0.1", "127.0.0.1"), clientTls.getSocketFactory());

        assertEquals(new WebhookPoster.Result(200, null), attempt(trusting, "https://hooks.firm.example:" + port + "/hook"));
        assertEquals(List.of("hooks.firm.example:" + port), received);

        WebhookPoster.Result otherName = attempt(trusting, "https://other.firm.example:" + port + "/hook");
        assertEquals(new WebhookPoster.Result(null, "TLS handshake failed"), otherName,
                "the same address under another name fails hostname verification");
        WebhookPoster.Result byAddress = attempt(trusting, "https://127.0.0.1:" + port + "/hook");
        assertEquals(new WebhookPoster.Result(null, "TLS handshake failed"), byAddress, "the certificate names no address");
        WebhookPoster.Result untrusted = attempt(poster(Rebinding.of("127.0.0.1", "127.0.0.1"),
                (SSLSocketFactory) SSLSocketFactory.getDefault()), "https://hooks.firm.example:" + port + "/hook");
        assertEquals(new WebhookPoster.Result(null, "TLS handshake failed"), untrusted);
        assertEquals(1, received.size());
        assertFalse(otherName.error().contains("127.0.0.1"));
    }

    /** A PKCS#12 store with a self-signed certificate for {@code name}, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path dir, String name) throws Exception {
        Path store = dir.resolve("receiver.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "receiver", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }
}
