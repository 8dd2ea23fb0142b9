package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.platform.time.CareDays;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static app.rapport.stack.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every operation that answers with an absolute URL, sent with forged {@code Host}, {@code X-Forwarded-*} and
 * {@code Forwarded} headers, both through the front door and straight to the service: the URL starts with the
 * configured public base URL (the local run's front door) every time.
 */
@ExtendWith(SystemPlatform.class)
class HostHeaderSystemTest {

    private static TestOrganisation org;
    private static TestOrganisation.ClientFile client;
    private static final AtomicInteger DAYS = new AtomicInteger(30);

    /** The headers a caller could try to steer a URL with (the Host header is written by {@link #send}). */
    private record Forgery(String name, String host, Map<String, String> headers) {
    }

    private static final List<Forgery> FORGERIES = List.of(
            new Forgery("forged Host", "attacker.example", Map.of()),
            new Forgery("forged Host with port", "attacker.example:8443", Map.of()),
            new Forgery("X-Forwarded-Host", null, Map.of("X-Forwarded-Host", "attacker.example",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443")),
            new Forgery("Forwarded", null, Map.of("Forwarded", "host=attacker.example;proto=https")),
            new Forgery("all at once", "attacker.example", Map.of("X-Forwarded-Host", "other.attacker.example",
                    "Forwarded", "host=third.attacker.example")));

    /** An operation that emits an absolute URL: its request, and where in the answer the URL is and must point. */
    private record Operation(String name, DemoUser caller, String method, Supplier<String> path,
                             Supplier<Object> body, Function<Raw, String> emitted, Function<Raw, String> expectedPath) {
    }

    @BeforeAll
    static void organisation() {
        org = TestOrganisation.create("hosthdr");
        client = org.clientWithCircle("Hana", "Forge");
        org.openClaim(client, org.caseManager);
        org.awaitKnownEverywhere(client, org.therapist);
    }

    private static Map<String, Object> booking() {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.DAYS)
                .plusDays(DAYS.incrementAndGet()).withHour(10);
        return object("clientId", client.id(), "professionalIds", List.of(org.therapist.userId()), "type", "therapy",
                "start", start.toString(), "end", start.plusMinutes(50).toString());
    }

    private static String bookedSession() {
        return Api.as(org.caseManager).post("/api/v1/sessions", booking()).expect(201).json().path("id").asText();
    }

    private static List<Operation> operations() {
        Function<Raw, String> location = raw -> raw.header("Location");
        Function<Raw, String> url = raw -> raw.json().path("url").asText();
        return List.of(
                new Operation("register a client", org.caseManager, "POST", () -> "/api/v1/clients",
                        () -> object("givenName", "Ida", "familyName", "Forge", "dateOfBirth", "1984-03-09"),
                        location, raw -> "/api/v1/clients/" + raw.json().path("id").asText()),
                new Operation("set a goal", org.caseManager, "POST", () -> client.path() + "/goals",
                        () -> object("statement", "Walk to the shop again", "agreedBy", List.of(org.caseManager.userId())),
                        location, raw -> client.path() + "/goals/" + raw.json().path("id").asText()),
                new Operation("add to the care circle", org.caseManager, "POST", () -> client.path() + "/care-circle",
                        () -> object("role", "family", "displayName", "Ola Forge", "relationship", "brother"),
                        location, raw -> client.path() + "/care-circle/" + raw.json().path("id").asText()),
                new Operation("record a milestone", org.firmSystem, "POST", () -> client.path() + "/case/milestones",
                        () -> object("kind", "other", "occurredOn", CareDays.today().toString()),
                        location, raw -> client.path() + "/case/milestones/" + raw.json().path("id").asText()),
                new Operation("book a session", org.caseManager, "POST", () -> "/api/v1/sessions", () -> booking(),
                        location, raw -> "/api/v1/sessions/" + raw.json().path("id").asText()),
                new Operation("reschedule a session", org.caseManager, "POST",
                        () -> "/api/v1/sessions/" + bookedSession() + "/reschedule", () -> {
                            Map<String, Object> moved = booking();
                            return object("start", moved.get("start"), "end", moved.get("end"), "requestedBy", "client");
                        }, location, raw -> "/api/v1/sessions/" + raw.json().path("id").asText()),
                new Operation("issue a calendar feed", org.therapist, "POST", () -> "/api/v1/sessions/calendar-feed", () -> null,
                        url, raw -> URI.create(raw.json().path("url").asText()).getPath()),
                new Operation("create a feedback link", org.therapist, "POST",
                        () -> "/api/v1/alliance/clients/" + client.id() + "/feedback-links", () -> object(),
                        url, raw -> "/feedback/" + raw.json().path("token").asText()));
    }

    @TestFactory
    List<DynamicTest> everyAbsoluteUrlStartsWithTheConfiguredBaseWhateverTheRequestSays() {
        Platform platform = SystemPlatform.platform();
        String base = platform.webClientUrl();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            for (Forgery forgery : FORGERIES) {
                for (String via : List.of("front door", "service")) {
                    tests.add(dynamicTest(operation.name() + ", " + forgery.name() + ", via the " + via, () -> {
                        String path = operation.path().get();
                        String origin = via.equals("front door") ? base : platform.serviceUrl(Api.serviceFor(path));
                        Raw answer = send(origin, operation.method(), path, operation.caller(), operation.body().get(), forgery);
                        assertEquals(201, answer.status(), answer.body());
                        String emitted = operation.emitted().apply(answer);
                        assertEquals(base + operation.expectedPath().apply(answer), emitted);
                        assertTrue(!emitted.contains("attacker"), emitted);
                    }));
                }
            }
        }
        return tests;
    }

    /** An HTTP/1.1 answer read off a socket. */
    private record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /**
     * Writes the request by hand: Java's HTTP client will not send a Host header other than the URL's, and that
     * is exactly the header this test must forge.
     */
    private static Raw send(String origin, String method, String path, DemoUser caller, Object body, Forgery forgery)
            throws IOException {
        URI target = URI.create(origin);
        byte[] bytes = body == null ? new byte[0] : Api.JSON.writeValueAsBytes(body);
        String host = forgery.host() != null ? forgery.host() : target.getHost() + ":" + target.getPort();
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Authorization: Bearer ").append(SystemPlatform.platform().issuer().tokenFor(caller)).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Connection: close\r\n");
        forgery.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Raw parse(byte[] answer) {
        int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String[] lines = new String(answer, 0, end, StandardCharsets.US_ASCII).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        int bodyStart = end + 4;
        byte[] body = java.util.Arrays.copyOfRange(answer, bodyStart, answer.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] sought, int from) {
        for (int i = from; i <= data.length - sought.length; i++) {
            if (java.util.Arrays.equals(data, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        throw new AssertionError("malformed HTTP answer");
    }
}
