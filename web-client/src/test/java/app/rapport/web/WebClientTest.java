package app.rapport.web;

import app.rapport.devkit.testing.OperationalChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(UpstreamAndIssuer.class)
class WebClientTest {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void clientRoutesGetTheAppAndAssetsAreCachedForLong() {
        String index = given().get("/clients/7f0c/sessions").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(index.contains("<div id=\"root\">"), index);
        given().get("/feedback/some-token").then().statusCode(200).body(containsString("<div id=\"root\">"));

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), "index.html names a hashed script: " + index);
        given().get(script.group(1)).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        // A missing file is a 404, not the app.
        given().get("/assets/nothing-here.js").then().statusCode(404);
    }

    @Test
    void configTellsTheAppHowToSignIn() {
        given().get("/config.json").then().statusCode(200)
                .body("authMode", equalTo("development"))
                .body("clientId", equalTo("rapport-web"));
    }

    @Test
    void developmentSignInKeepsTheUserInAnHttpOnlyCookieAndTheTokenOutOfIt() {
        given().get("/auth/dev/users").then().statusCode(200).body("username", org.hamcrest.Matchers.hasItem("alice"));

        var signIn = given().contentType(ContentType.JSON).body("{\"username\":\"alice\"}")
                .post("/auth/dev/session").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("username", equalTo("alice"))
                .body("accessToken", startsWith("eyJ"))
                .extract();
        String setCookie = signIn.header("Set-Cookie");
        assertTrue(setCookie.contains("rapport_dev_user=alice"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertTrue(!setCookie.contains("eyJ"), "the cookie never carries the token");

        given().cookie("rapport_dev_user", "alice").post("/auth/dev/token").then().statusCode(200)
                .body("accessToken", startsWith("eyJ"));
        given().post("/auth/dev/token").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:unauthenticated"));
        given().delete("/auth/dev/session").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void signingInAsSomeoneUnknownNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"username\":\"mallory\"}").post("/auth/dev/session")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("username"))
                .body("errors[0].message", containsString("mallory"));
        given().contentType(ContentType.JSON).body("{\"username\":\"../token/alice\"}").post("/auth/dev/session")
                .then().statusCode(400).body("errors[0].field", equalTo("username"));
        given().contentType(ContentType.JSON).body("{}").post("/auth/dev/session")
                .then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void apiCallsAreForwardedWithHeadersBodyAndStatusButNotHopByHopHeaders() {
        given().header("Authorization", "Bearer abc").header("Connection", "X-Hop").header("X-Hop", "1")
                .contentType(ContentType.JSON).body("{\"start\":\"2026-12-01T10:00\"}")
                .post("/api/v1/sessions/series?dryRun=true")
                .then().statusCode(200).header("X-Upstream", "yes")
                .body(containsString("POST /api/v1/sessions/series?dryRun=true"))
                .body(containsString("authorization=Bearer abc"))
                .body(containsString("{\"start\":\"2026-12-01T10:00\"}"));
        given().get("/api/v1/sessions/missing").then().statusCode(404).header("X-Upstream", "yes");
    }

    @Test
    void unknownPrefixesAndDownServicesAnswerWithProblems() {
        given().get("/api/v1/sessionsx").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/v1/sessionsx"));
        given().get("/api/v1/alliance/caseload").then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("/api/v1/alliance"))
                .body(not(containsString("Exception")));
    }

    @Test
    void serverSentEventsStreamThroughAsTheyHappenAndResume() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/notifications/inbox/stream"))
                .header("Last-Event-ID", "10").GET().build();
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> ids = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                    arrivals.add((System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        assertEquals(List.of("11", "12", "13"), ids, "resumed after Last-Event-ID");
        // The service writes them 700 ms apart: streamed, they arrive spread out (even on a busy machine);
        // buffered, all together at the end.
        long spread = arrivals.get(2) - arrivals.get(0);
        assertTrue(spread >= 300, "events arrived at " + arrivals + " ms");
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnly() throws Exception {
        given().get(management.resolve("/q/health/ready")).then().statusCode(200);
        given().get(management.resolve("/q/health/live")).then().statusCode(200);
        given().get(management.resolve("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
        given().header("Accept", OperationalChecks.OPEN_METRICS).get(management.resolve("/q/metrics"))
                .then().statusCode(200).contentType(startsWith("application/openmetrics-text"));
        // Neither served nor forwarded nor answered with the app: 404.
        assertEquals(List.of(), OperationalChecks.managementPathsOnPublicPort(root.toURI()));
    }

    /** The app's routes, the feedback page, forwarded and unknown API paths, files: none may name its values. */
    @Test
    void noPathValueBecomesAMetricTag() throws Exception {
        List<String> leaked = OperationalChecks.pathValuesInMetrics(root.toURI(), management, List.of(
                "/feedback/{}", "/clients/{}/sessions", "/clients/{}", "/api/v1/sessions/{}", "/api/v1/sessions/{}/notes",
                "/api/v1/clients/{}/export", "/api/v1/alliance/clients/{}", "/api/v1/feedback/{}", "/api/v1/{}",
                "/api/v1/sessionsx/{}", "/assets/{}.js", "/{}.png", "/auth/dev/{}", "/q/{}"));
        assertEquals(List.of(), leaked);
    }

    /** Every answer but a hashed asset: app pages, forwarded answers, the front door's own problems, sign-in. */
    @Test
    void nothingButHashedAssetsMayBeStoredOrSniffed() {
        for (String path : List.of("/", "/feedback/some-token", "/clients/7f0c", "/config.json", "/auth/dev/users",
                "/api/v1/sessions/missing", "/api/v1/sessionsx", "/api/v1/alliance/caseload", "/assets/nothing-here.js",
                "/nothing.png")) {
            given().get(path).then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
        given().contentType(ContentType.JSON).body("{\"start\":\"x\"}").post("/api/v1/sessions/series")
                .then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().contentType(ContentType.JSON).body("{\"username\":\"alice\"}").post("/auth/dev/session")
                .then().statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }
}
