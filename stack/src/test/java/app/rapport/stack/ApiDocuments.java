package app.rapport.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The four services' OpenAPI documents as the running platform serves them, and which documented operation a request
 * was. Paths match their templates the way the services route them: a literal segment wins over a parameter
 * ({@code /sessions/diary} is not {@code /sessions/{sessionId}}).
 */
final class ApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation of one document. */
    record Documented(String service, String method, String template, JsonNode operation) {

        String key() {
            return method + " " + template;
        }

        private int parameters() {
            return template.split("\\{", -1).length - 1;
        }
    }

    private final Map<String, JsonNode> documents;
    private final List<Matcher> matchers = new ArrayList<>();

    private record Matcher(Pattern path, Documented documented) {
    }

    private ApiDocuments(Map<String, JsonNode> documents) {
        this.documents = documents;
        documents.forEach((service, document) -> document.path("paths").fields().forEachRemaining(path -> {
            Pattern regex = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    matchers.add(new Matcher(regex, new Documented(service, operation.getKey().toUpperCase(), path.getKey(),
                            operation.getValue())));
                }
            });
        }));
        matchers.sort(Comparator.comparingInt(m -> m.documented().parameters()));
    }

    /** Reads every service's document from where the platform serves it. */
    static ApiDocuments fetch(Platform platform) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : platform.serviceNames()) {
            documents.put(service, Api.anonymous().raw("GET", documentUrl(platform, service), null, "", Map.of())
                    .expect(200).json());
        }
        return new ApiDocuments(documents);
    }

    /** Where a service serves its document; the one place to change should it move (e.g. to a management port). */
    static String documentUrl(Platform platform, String service) {
        return platform.managementUrl(service) + "/q/openapi?format=json";
    }

    Map<String, JsonNode> documents() {
        return documents;
    }

    List<Documented> operations() {
        return matchers.stream().map(Matcher::documented).toList();
    }

    /** The documented operation a request ({@code "POST http://host:port/api/v1/..."}) was, if any. */
    Optional<Documented> operationOf(String request) {
        int space = request.indexOf(' ');
        String method = request.substring(0, space);
        String path = URI.create(request.substring(space + 1)).getRawPath();
        return matchers.stream()
                .filter(m -> m.documented().method().equals(method) && m.path().matcher(path).matches())
                .map(Matcher::documented)
                .findFirst();
    }

    /** The declared response for a status: the exact code, else its class ({@code 4XX}), else {@code default}. */
    static Optional<JsonNode> response(Documented documented, int status) {
        JsonNode responses = documented.operation().path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(responses.get(key));
            }
        }
        return Optional.empty();
    }
}
