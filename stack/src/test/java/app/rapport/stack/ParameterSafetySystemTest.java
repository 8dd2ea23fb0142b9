package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.OperationCatalogue.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input classes swept over every operation the services' live OpenAPI documents declare: each
 * declared query and path parameter gets out-of-range and unreadable values by its type, each
 * operation an undeclared query parameter, and each operation with a JSON body a float and a string
 * for a whole number, a duplicated key, a lone surrogate and an overlong UTF-8 sequence. Every answer
 * must be a 400 problem naming the parameter or field, never a 5xx, and no answer may name a class,
 * package or SQL. Every path answers a method it does not support with 405 and {@code Allow}.
 */
@ExtendWith(SystemPlatform.class)
@Order(22)
class ParameterSafetySystemTest {

    private static final Pattern INTERNAL_NAMES = Pattern.compile(
            "app\\.rapport|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|org\\.hibernate|org\\.postgresql|net\\.fortuna|\\bSQL\\b");
    private static final String LONE_SURROGATE = "\"ok\\ud800\"";
    /** C0 AF: an overlong encoding of '/', which a lenient decoder reads as a slash. */
    private static final byte[] OVERLONG = {(byte) 0xC0, (byte) 0xAF};
    private static final String MARK = "\"@@bad-value@@\"";

    private static SweepTarget target;
    private static final Map<String, Integer> tried = new TreeMap<>();
    private static final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void target() throws Exception {
        target = SweepTarget.shared();
    }

    @BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    @AfterAll
    static void report() {
        System.out.printf("[parameter-safety] %d cases tried: %s%n", tried.values().stream().mapToInt(Integer::intValue).sum(), tried);
    }

    /** The live documents, one operation object per "METHOD /path", with the document it came from. */
    private static Map<String, JsonNode[]> documentedOperations() {
        Map<String, JsonNode[]> operations = new TreeMap<>();
        for (String service : SystemPlatform.platform().serviceNames()) {
            JsonNode document = Api.anonymous().raw("GET", ApiDocuments.documentUrl(SystemPlatform.platform(), service), null, "", Map.of()).expect(200).json();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase() + " " + path.getKey(), new JsonNode[]{method.getValue(), document});
                }
            }));
        }
        return operations;
    }

    /** A declared parameter and the kind of value it holds, from its schema (dates by format, or by name where the document has none). */
    private record Declared(String name, String in, String kind) {
    }

    private static List<Declared> parameters(JsonNode[] found) {
        JsonNode operation = found[0];
        List<Declared> declared = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            if (!in.equals("query") && !in.equals("path")) {
                continue;
            }
            JsonNode schema = resolved(parameter.path("schema"), found[1]);
            if (schema.path("type").asText().equals("array")) {
                schema = resolved(schema.path("items"), found[1]);
            }
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            String name = parameter.path("name").asText();
            String kind = format.equals("uuid") ? "uuid"
                    : format.equals("date-time") || List.of("from", "to").contains(name) ? "date-time"
                    : type.equals("integer") ? (format.equals("int64") ? "int64" : "int32")
                    : type.equals("boolean") ? "boolean" : "text";
            declared.add(new Declared(name, in, kind));
        }
        return declared;
    }

    /** A schema, or the component it refers to (ids are declared once, as a UUID component). */
    private static JsonNode resolved(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            return document.path("components").path("schemas").path(schema.path("$ref").asText().replace("#/components/schemas/", ""));
        }
        return schema;
    }

    /** Out-of-range and unreadable values per kind of parameter. */
    private static List<String> badValues(String kind) {
        return switch (kind) {
            case "int32" -> List.of("-1000000", "2147483647", "2147483648", "abc", "2.5", "");
            case "int64" -> List.of("-1000000", "9223372036854775808", "abc", "2.5");
            case "boolean" -> List.of("maybe", "TRUE", "1", "yes", "");
            case "uuid" -> List.of("not-a-uuid", "1-1-1-1-1", "00000000000000000000000000000000");
            case "date-time" -> List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
                    "2201-01-01T00:00:00Z", "yesterday", "2026-13-45T99:00:00Z");
            default -> List.of();
        };
    }

    @Test
    void everyDeclaredParameterRefusesOutOfRangeAndUnreadableValuesNamingIt() {
        Map<String, JsonNode[]> documented = documentedOperations();
        int parametersSwept = 0;
        for (Operation op : OperationCatalogue.ALL) {
            JsonNode[] found = documented.get(op.key());
            if (found == null) {
                failures.add(op.key() + ": not in the live OpenAPI documents");
                continue;
            }
            for (Declared parameter : parameters(found)) {
                List<String> values = badValues(parameter.kind());
                if (!values.isEmpty()) {
                    parametersSwept++;
                }
                for (String value : values) {
                    String url = parameter.in().equals("path") ? withPathValue(op, parameter.name(), value)
                            : withQueryValue(op, parameter.name(), value);
                    if (url == null) {
                        continue; // a bad value that cannot form a path segment at all (empty)
                    }
                    check(op, parameter.kind() + " " + parameter.in(), parameter.name() + "=" + value,
                            () -> send(op, url, null), parameter.name());
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
        assertTrue(parametersSwept >= 60, "paging, date, number, boolean and id parameters swept: " + parametersSwept);
        for (String kind : List.of("int32 query", "int64 query", "boolean query", "date-time query", "uuid path", "uuid query")) {
            assertTrue(tried.getOrDefault(kind, 0) > 0, kind + " parameters were swept: " + tried);
        }
    }

    @Test
    void everyOperationRefusesAQueryParameterItDoesNotDeclare() {
        Map<String, JsonNode[]> documented = documentedOperations();
        for (Operation op : OperationCatalogue.ALL) {
            JsonNode[] found = documented.get(op.key());
            Set<String> declared = new LinkedHashSet<>();
            if (found != null) {
                parameters(found).forEach(p -> declared.add(p.name()));
            }
            for (String unknown : List.of("unexpected", "clientId", "organisationId")) {
                if (declared.contains(unknown)) {
                    continue;
                }
                String url = withQueryValue(op, unknown, "3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b");
                check(op, "unknown query parameter", unknown, () -> send(op, url, null), unknown);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
        assertTrue(tried.getOrDefault("unknown query parameter", 0) >= OperationCatalogue.ALL.size() * 2);
    }

    @Test
    void everyJsonBodyIsReadWithoutCoercionDuplicatesOrMalformedText() {
        Map<String, JsonNode[]> documented = documentedOperations();
        for (Operation op : OperationCatalogue.ALL) {
            if (!op.takesBody()) {
                continue;
            }
            Object body = op.body().apply(target);
            Map<String, Object> template = body instanceof Map<?, ?> map ? new LinkedHashMap<>(castMap(map)) : new LinkedHashMap<>();
            JsonNode[] found = documented.get(op.key());
            Map<String, String> schemaTypes = found == null ? Map.of() : topLevelTypes(found[0], found[1]);
            List<String> integerPaths = new ArrayList<>();
            List<String> textPaths = new ArrayList<>();
            leaves(template, "", integerPaths, textPaths);
            // Whole-number properties the catalogue body leaves out are tried too, from the document's schema.
            schemaTypes.forEach((name, type) -> {
                if (type.equals("integer") && !template.containsKey(name)) {
                    integerPaths.add(name);
                }
            });
            if (textPaths.isEmpty()) {
                schemaTypes.entrySet().stream().filter(e -> e.getValue().equals("string")).findFirst()
                        .ifPresent(e -> textPaths.add(e.getKey()));
            }
            String url = OperationCatalogue.resolve(op.path(), target.ids);
            for (String field : integerPaths) {
                check(op, "float for a whole number", field, () -> send(op, url, json(template, field, "2.5")), field);
                check(op, "string for a whole number", field, () -> send(op, url, json(template, field, "\"2\"")), field);
            }
            for (String field : textPaths) {
                check(op, "lone surrogate", field, () -> send(op, url, json(template, field, LONE_SURROGATE)), field);
                check(op, "overlong UTF-8", field, () -> send(op, url, overlong(template, field)), field);
            }
            String first = template.isEmpty() ? textPaths.stream().findFirst().orElse(null)
                    : template.keySet().iterator().next();
            if (first != null && !first.contains(".") && !first.contains("[")) {
                check(op, "duplicate key", first, () -> send(op, url, duplicated(template, first)), first);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
        for (String kind : List.of("float for a whole number", "string for a whole number", "lone surrogate", "overlong UTF-8",
                "duplicate key")) {
            assertTrue(tried.getOrDefault(kind, 0) >= 5, kind + " tried on several operations: " + tried);
        }
    }

    @Test
    void everyPathAnswersAMethodItDoesNotSupportWith405AndAllow() {
        Map<String, Set<String>> methodsByPath = new TreeMap<>();
        documentedOperations().keySet().forEach(key -> {
            String[] parts = key.split(" ", 2);
            methodsByPath.computeIfAbsent(parts[1], p -> new LinkedHashSet<>()).add(parts[0]);
        });
        for (Map.Entry<String, Set<String>> path : methodsByPath.entrySet()) {
            Operation op = OperationCatalogue.ALL.stream().filter(o -> o.key().endsWith(" " + path.getKey())).findFirst().orElse(null);
            if (op == null) {
                failures.add(path.getKey() + ": not in the catalogue");
                continue;
            }
            String url = OperationCatalogue.resolve(op.path().replaceFirst("\\?.*", ""), target.ids);
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (path.getValue().contains(method) || routedElsewhere(methodsByPath, method, url)) {
                    continue;
                }
                tried.merge("405 with Allow", 1, Integer::sum);
                Api.Reply reply = caller(op).raw(method, base(op) + url, method.equals("GET") || method.equals("DELETE") ? null
                        : "{}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
                String allow = reply.header("Allow");
                Set<String> allowed = allow == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(allow.split("\\s*,\\s*")));
                if (reply.status() != 405 || !isProblem(reply) || !allowed.containsAll(path.getValue()) || allowed.contains(method)
                        || leaksInternals(reply)) {
                    failures.add(method + " " + path.getKey() + ": " + reply.status() + " Allow=" + allow + " (documented "
                            + path.getValue() + ") " + reply.body());
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
        assertTrue(tried.getOrDefault("405 with Allow", 0) >= methodsByPath.size() * 3);
    }

    /**
     * True when another documented template takes this method for the concrete address ({@code GET
     * /sessions/series} is {@code GET /sessions/{sessionId}} with a malformed id): not a 405 case.
     */
    private static boolean routedElsewhere(Map<String, Set<String>> methodsByPath, String method, String url) {
        return methodsByPath.entrySet().stream().anyMatch(other -> other.getValue().contains(method)
                && Pattern.matches(Pattern.quote(other.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"), url));
    }

    // --- requests

    private static Api caller(Operation op) {
        if (op.isPublic()) {
            return Api.anonymous();
        }
        if (op.path().contains("{notificationId}")) {
            return Api.as(target.org.therapist);
        }
        TestOrganisation org = target.org;
        List<String> priority = List.of(OperationCatalogue.CM, OperationCatalogue.TL, OperationCatalogue.TH,
                OperationCatalogue.SW, OperationCatalogue.SOL, OperationCatalogue.SYS, OperationCatalogue.ADMIN);
        String role = op.roles().isEmpty() ? OperationCatalogue.CM : priority.stream().filter(op.roles()::contains).findFirst().orElseThrow();
        DemoUser user = switch (role) {
            case OperationCatalogue.CM -> org.caseManager;
            case OperationCatalogue.TL -> org.teamLead;
            case OperationCatalogue.TH -> org.therapist;
            case OperationCatalogue.SW -> org.supportWorker;
            case OperationCatalogue.SOL -> org.solicitor;
            case OperationCatalogue.SYS -> org.firmSystem;
            default -> org.admin;
        };
        return Api.as(user);
    }

    private static String base(Operation op) {
        return SystemPlatform.platform().serviceUrl(Api.serviceFor(op.path()));
    }

    /** Sends without a body unless one is given: a refused parameter must be named before any body is read. */
    private static Api.Reply send(Operation op, String url, byte[] body) {
        Api caller = caller(op);
        if (op.path().contains("/inbox/stream")) {
            return caller.peek(url, Duration.ofSeconds(2));
        }
        return caller.raw(op.method(), base(op) + url, body, "application/json", Map.of());
    }

    private static String withPathValue(Operation op, String name, String value) {
        if (value.isEmpty() || !op.path().contains("{" + name + "}")) {
            return null;
        }
        String template = op.path().replace("{" + name + "}", encode(value));
        return OperationCatalogue.resolve(template, target.ids);
    }

    private static String withQueryValue(Operation op, String name, String value) {
        String resolved = OperationCatalogue.resolve(op.path(), target.ids);
        String withoutIt = resolved.replaceAll("([?&])" + Pattern.quote(name) + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return withoutIt + (withoutIt.contains("?") ? "&" : "?") + encode(name) + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- bodies

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The paths of the body's whole-number and text leaves ({@code first.start}, {@code answers.bond}, {@code agreedBy[0]}). */
    private static void leaves(Object value, String path, List<String> integers, List<String> texts) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> leaves(child, path.isEmpty() ? key.toString() : path + "." + key, integers, texts));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                leaves(list.get(i), path + "[" + i + "]", integers, texts);
            }
        } else if (value instanceof Integer || value instanceof Long) {
            integers.add(path);
        } else if (value instanceof String) {
            texts.add(path);
        }
    }

    /** The body as JSON with the value at {@code path} replaced by raw JSON text. */
    private static byte[] json(Map<String, Object> template, String path, String rawValue) {
        return write(replaced(template, path)).replace(MARK, rawValue).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] overlong(Map<String, Object> template, String path) {
        String[] around = write(replaced(template, path)).split(Pattern.quote(MARK), 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((around[0] + "\"ok").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(OVERLONG);
        bytes.writeBytes(("\"" + around[1]).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static byte[] duplicated(Map<String, Object> template, String key) {
        String body = write(template.isEmpty() ? Map.of(key, "x") : template);
        String value = write(template.getOrDefault(key, "x"));
        String json = "{" + write(key) + ":" + value + "," + body.substring(1);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A deep copy of the body with the leaf at {@code path} (created when absent) set to the mark. */
    private static Object replaced(Object value, String path) {
        Object copy = Api.JSON.convertValue(value, Object.class);
        String[] steps = path.split("\\.");
        Object at = copy;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            Integer index = null;
            if (step.endsWith("]")) {
                index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                step = step.substring(0, step.indexOf('['));
            }
            boolean last = i == steps.length - 1;
            Map<String, Object> map = castMap((Map<?, ?>) at);
            if (index == null) {
                if (last) {
                    map.put(step, "@@bad-value@@");
                } else {
                    at = map.get(step);
                }
            } else {
                @SuppressWarnings("unchecked") List<Object> list = (List<Object>) map.get(step);
                if (last) {
                    list.set(index, "@@bad-value@@");
                } else {
                    at = list.get(index);
                }
            }
        }
        return copy;
    }

    private static String write(Object value) {
        try {
            return Api.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Top-level property types of the operation's JSON body schema (following one $ref). */
    private static Map<String, String> topLevelTypes(JsonNode operation, JsonNode document) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            schema = document.path("components").path("schemas").path(name);
        }
        Map<String, String> types = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = p.getValue();
            if (property.has("$ref") || property.has("allOf")) {
                return;
            }
            types.put(p.getKey(), property.path("type").asText());
        });
        return types;
    }

    // --- checks

    private static void check(Operation op, String kind, String what, Supplier<Api.Reply> request, String named) {
        tried.merge(kind, 1, Integer::sum);
        Api.Reply reply;
        try {
            reply = request.get();
        } catch (RuntimeException e) {
            failures.add(op + " [" + kind + " " + what + "]: " + e.getMessage());
            return;
        }
        boolean names = isProblem(reply) && namesField(reply, named);
        if (reply.status() != 400 || !names || leaksInternals(reply)) {
            failures.add(op + " [" + kind + " " + what + "]: " + reply.status() + " " + abbreviate(reply.body()));
        }
    }

    private static boolean namesField(Api.Reply reply, String field) {
        JsonNode problem = reply.json();
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(Api.Reply reply) {
        return reply.contentType().startsWith("application/problem+json");
    }

    private static boolean leaksInternals(Api.Reply reply) {
        return INTERNAL_NAMES.matcher(reply.body()).find();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
