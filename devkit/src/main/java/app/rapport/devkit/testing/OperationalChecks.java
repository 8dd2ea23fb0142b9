package app.rapport.devkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * What ops rely on from every service, checked over HTTP without a token: readiness that covers the
 * database and Kafka, Prometheus metrics with help text, and the OpenAPI document, all on the management
 * port, and none of them on the public port.
 */
public final class OperationalChecks {

    /** What the management interface serves; the public port must answer 404 for each. */
    public static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui",
            "/q/swagger-ui/", "/q/dev-ui");
    public static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC_TYPE = Pattern.compile("^# TYPE (rapport_\\w+) (\\w+)$", Pattern.MULTILINE);

    private OperationalChecks() {
    }

    /** @return the problems found; empty when the service (public port and management port) is operable */
    public static List<String> problems(URI publicBase, URI management) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> ready = get(management.resolve("/q/health/ready"));
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
        if (get(management.resolve("/q/health/live")).statusCode() != 200) {
            problems.add("liveness is not UP");
        }
        HttpResponse<String> metrics = get(management.resolve("/q/metrics"));
        if (metrics.statusCode() != 200 || !metrics.body().contains("jvm_memory_used_bytes")) {
            problems.add("no Prometheus metrics at /q/metrics");
        } else {
            problems.addAll(metricsWithoutHelp(metrics.body()));
        }
        HttpResponse<String> openMetrics = get(management.resolve("/q/metrics"), "Accept", OPEN_METRICS);
        if (openMetrics.statusCode() != 200 || !openMetrics.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/openmetrics-text") || !openMetrics.body().strip().endsWith("# EOF")) {
            problems.add("OpenMetrics negotiation answered " + openMetrics.statusCode() + " "
                    + openMetrics.headers().firstValue("Content-Type").orElse("(no content type)"));
        }
        HttpResponse<String> openApi = get(management.resolve("/q/openapi?format=json"));
        if (openApi.statusCode() != 200 || !JSON.readTree(openApi.body()).has("openapi")) {
            problems.add("no OpenAPI document at /q/openapi on the management port");
        }
        if (get(management.resolve("/q/swagger-ui/")).statusCode() != 200) {
            problems.add("no Swagger UI at /q/swagger-ui on the management port");
        }
        problems.addAll(managementPathsOnPublicPort(publicBase));
        return problems;
    }

    /** Each management path the public port serves (anything but 404). */
    public static List<String> managementPathsOnPublicPort(URI publicBase) throws IOException, InterruptedException {
        List<String> served = new ArrayList<>();
        for (String path : MANAGEMENT_PATHS) {
            int status = get(publicBase.resolve(path)).statusCode();
            if (status != 404) {
                served.add(path + " answered " + status + " on the public port " + publicBase.getPort());
            }
        }
        return served;
    }

    /** Every {@code rapport_} metric family must say what it counts. */
    public static List<String> metricsWithoutHelp(String exposition) {
        List<String> problems = new ArrayList<>();
        for (String family : rapportFamilies(exposition)) {
            Matcher help = Pattern.compile("^# HELP " + family + " (.*)$", Pattern.MULTILINE).matcher(exposition);
            if (!help.find() || help.group(1).isBlank()) {
                problems.add("metric " + family + " has no help text");
            }
        }
        return problems;
    }

    /** The {@code rapport_} metric families of a Prometheus text exposition, with their types. */
    public static Set<String> rapportFamilies(String exposition) {
        Set<String> families = new LinkedHashSet<>();
        Matcher type = METRIC_TYPE.matcher(exposition);
        while (type.find()) {
            families.add(type.group(1));
        }
        return families;
    }

    /** The type ({@code counter}, {@code gauge}, ...) of one metric family, or null when it is not exported. */
    public static String typeOf(String exposition, String family) {
        Matcher type = METRIC_TYPE.matcher(exposition);
        while (type.find()) {
            if (type.group(1).equals(family)) {
                return type.group(2);
            }
        }
        return null;
    }

    /**
     * @param samples counter samples as queried, e.g. {@code rapport_outbox_published_total}
     * @return each one that is not exported as a counter (absent, or a gauge)
     */
    public static List<String> notCounters(String exposition, List<String> samples) {
        List<String> problems = new ArrayList<>();
        for (String sample : samples) {
            String family = sample.endsWith("_total") ? sample.substring(0, sample.length() - "_total".length()) : sample;
            String type = typeOf(exposition, family) == null ? typeOf(exposition, sample) : typeOf(exposition, family);
            if (!"counter".equals(type) || !Pattern.compile("^" + sample + "[{ ]", Pattern.MULTILINE).matcher(exposition).find()) {
                problems.add(sample + " is " + (type == null ? "missing" : "exported as a " + type));
            }
        }
        return problems;
    }

    /**
     * Requests each path template (each {@code {}} filled with a fresh value) on the public port, with GET and
     * DELETE and without a token, then reads the metrics.
     *
     * @return the filled-in values that appear anywhere in the metrics; empty when no path value became a tag
     */
    public static List<String> pathValuesInMetrics(URI publicBase, URI management, List<String> templates)
            throws IOException, InterruptedException {
        List<String> values = new ArrayList<>();
        for (String template : templates) {
            String path = template;
            while (path.contains("{}")) {
                String value = "leak" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                values.add(value);
                path = path.replaceFirst("\\{}", value);
            }
            URI uri = publicBase.resolve(path);
            HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
            HTTP.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        String metrics = get(management.resolve("/q/metrics")).body();
        return values.stream().filter(metrics::contains).toList();
    }

    /**
     * Requests each path template (filled in) on the public port without a token.
     *
     * @return each answer that lacks {@code Cache-Control: no-store} or {@code X-Content-Type-Options: nosniff}
     */
    public static List<String> answersThatMayBeStored(URI publicBase, List<String> templates)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (String template : templates) {
            URI uri = publicBase.resolve(template.replace("{}", UUID.randomUUID().toString()));
            for (String method : List.of("GET", "DELETE", "POST")) {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
                String cacheControl = answer.headers().firstValue("Cache-Control").orElse("");
                String sniffing = answer.headers().firstValue("X-Content-Type-Options").orElse("");
                if (!cacheControl.contains("no-store") || !sniffing.equals("nosniff")) {
                    problems.add(method + " " + uri.getPath() + " answered " + answer.statusCode() + " with Cache-Control '"
                            + cacheControl + "' and X-Content-Type-Options '" + sniffing + "'");
                }
            }
        }
        return problems;
    }

    public static String metrics(URI management) throws IOException, InterruptedException {
        return get(management.resolve("/q/metrics")).body();
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
