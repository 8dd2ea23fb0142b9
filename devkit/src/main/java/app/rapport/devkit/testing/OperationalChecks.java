package app.rapport.devkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What ops rely on from every service, checked over HTTP without a token: readiness that covers the
 * database and Kafka, Prometheus metrics, and the OpenAPI document.
 */
public final class OperationalChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationalChecks() {
    }

    /** @return the problems found; empty when the service at {@code base} is operable */
    public static List<String> problems(URI base) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> ready = get(base.resolve("/q/health/ready"));
        if (ready.statusCode() != 200) {
            problems.add("readiness answered " + ready.statusCode() + ": " + ready.body());
        } else {
            JsonNode checks = JSON.readTree(ready.body()).path("checks");
            List<String> names = StreamSupport.stream(checks.spliterator(), false)
                    .map(check -> check.path("name").asText().toLowerCase()).toList();
            if (names.stream().noneMatch(n -> n.contains("database"))) {
                problems.add("readiness does not check the database: " + names);
            }
            if (names.stream().noneMatch(n -> n.contains("kafka"))) {
                problems.add("readiness does not check Kafka: " + names);
            }
        }
        if (get(base.resolve("/q/health/live")).statusCode() != 200) {
            problems.add("liveness is not UP");
        }
        HttpResponse<String> metrics = get(base.resolve("/q/metrics"));
        if (metrics.statusCode() != 200 || !metrics.body().contains("jvm_memory_used_bytes")) {
            problems.add("no Prometheus metrics at /q/metrics");
        }
        HttpResponse<String> openApi = get(base.resolve("/q/openapi?format=json"));
        if (openApi.statusCode() != 200 || !JSON.readTree(openApi.body()).has("openapi")) {
            problems.add("no OpenAPI document at /q/openapi");
        }
        return problems;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
