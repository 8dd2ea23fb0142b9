package app.rapport.stack;

import app.rapport.stack.ApiDocuments.Documented;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI documents tell the truth, checked two ways against the running platform:
 * <ul>
 *   <li>third-party tools accept them: Redocly CLI's recommended rules, the official OpenAPI schema, and every pattern
 *       compiled as ECMA-262 (stack/src/test/api-documents, pinned in its package-lock.json);</li>
 *   <li>every answer the system tests before this one received — the journeys, the security sweep's every operation
 *       with bad tokens, wrong roles, outsiders and broken bodies, the input-safety sweep — has a status, a content
 *       type and headers its operation declares.</li>
 * </ul>
 */
@ExtendWith(SystemPlatform.class)
// After the journeys and both sweeps (whose answers it compares), before the fault tests stop parts of the platform.
@Order(25)
class ApiDocumentsSystemTest {

    private static final Path CHECKS = Path.of("src", "test", "api-documents");
    private static final Path WORK = Path.of("target", "api-documents").toAbsolutePath();
    /** Headers whose presence in an answer must be declared; the ones declared required must be present. */
    private static final Set<String> DOCUMENTED_HEADERS = Set.of("location", "etag", "content-disposition", "idempotent-replayed");

    private static final Set<String> DOCUMENTED_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH");

    private static ApiDocuments documents;

    @BeforeAll
    static void documents() {
        documents = ApiDocuments.fetch(SystemPlatform.platform());
    }

    @Test
    void redoclyTheOpenApiSchemaAndAnEcmaScriptEngineAcceptEveryDocument() throws Exception {
        Optional<Path> node = NodeRuntime.find();
        if (node.isEmpty()) {
            String reason = "Checking the API documents needs Node.js (on the PATH, or fetched by building web-client first).";
            // In CI it must run; elsewhere a machine without Node.js skips it and says why.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason + " Skipped.");
        }
        prepareChecks(node.get());
        List<String> command = new ArrayList<>(List.of(node.get().toString(), "check.mjs"));
        for (var document : documents.documents().entrySet()) {
            Path file = WORK.resolve(document.getKey() + ".openapi.json");
            Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document.getValue()));
            command.add(file.toString());
        }
        Path output = WORK.resolve("report.json");
        Process check = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!check.waitFor(5, TimeUnit.MINUTES)) {
            check.destroyForcibly();
            fail("The document checks took more than 5 minutes");
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[api-documents] " + report);
        assertEquals(0, check.exitValue(), "Redocly (recommended), the OpenAPI schema or an ECMA-262 pattern refused a document: "
                + report);
        JsonNode parsed = Api.JSON.readTree(report.substring(report.indexOf('{')));
        assertEquals(documents.documents().size(), parsed.size(), "every document was checked: " + report);
        parsed.forEach(result -> assertTrue(result.path("operations").asInt() > 0, "a document with operations: " + result));
    }

    @Test
    void everyAnswerTheSweepsReceivedIsDeclaredByItsOperation() {
        List<Api.Reply> answers = Api.answers();
        Set<String> seen = new TreeSet<>();
        TreeMap<String, Integer> statuses = new TreeMap<>();
        List<String> undeclared = new ArrayList<>();
        for (Api.Reply answer : answers) {
            if (!DOCUMENTED_METHODS.contains(answer.request().substring(0, answer.request().indexOf(' ')))) {
                continue; // HEAD, OPTIONS and made-up methods are the HTTP layer's, not operations
            }
            Optional<Documented> operation = documents.operationOf(answer.request());
            if (operation.isEmpty()) {
                // Outside the documents: /q endpoints, the issuer, and methods or paths no service routes (404/405).
                if (answer.request().contains("/api/") && !Set.of(404, 405).contains(answer.status())) {
                    undeclared.add(answer.request() + " -> " + answer.status() + ": no documented operation");
                }
                continue;
            }
            Documented documented = operation.get();
            seen.add(documented.key());
            statuses.merge(documented.key() + " " + answer.status(), 1, Integer::sum);
            Optional<JsonNode> response = ApiDocuments.response(documented, answer.status());
            if (response.isEmpty()) {
                undeclared.add(documented.key() + ": status " + answer.status() + " is not declared");
                continue;
            }
            contentType(answer, response.get()).ifPresent(problem -> undeclared.add(documented.key() + " " + answer.status()
                    + ": " + problem));
            headers(documented, answer, response.get()).forEach(problem -> undeclared.add(documented.key() + " "
                    + answer.status() + ": " + problem));
        }
        System.out.printf("[api-documents] %d answers compared over %d operations: %s%n", answers.size(), seen.size(), statuses);
        Set<String> notCalled = new TreeSet<>();
        documents.operations().forEach(op -> notCalled.add(op.key()));
        notCalled.removeAll(seen);
        assertEquals(Set.of(), notCalled, "operations no system test called: run this class after SecuritySweepSystemTest, "
                + "which calls every one");
        assertEquals(List.of(), undeclared.stream().distinct().toList(), "answers the OpenAPI documents do not declare");
    }

    /** The answer's media type must be one its response declares; a response that declares none has no body. */
    private static Optional<String> contentType(Api.Reply answer, JsonNode response) {
        if (answer.body().isEmpty()) {
            return Optional.empty();
        }
        String type = answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return Optional.of("a " + (type.isEmpty() ? "body without a type" : type + " body") + " where none is declared");
        }
        List<String> declared = new ArrayList<>();
        content.fieldNames().forEachRemaining(name -> declared.add(name.split(";")[0].strip().toLowerCase(Locale.ROOT)));
        return declared.contains(type) || declared.contains("*/*") ? Optional.empty()
                : Optional.of("content type " + type + " is not declared (" + declared + ")");
    }

    private static List<String> headers(Documented documented, Api.Reply answer, JsonNode response) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        JsonNode components = documents.documents().get(documented.service()).path("components").path("headers");
        response.path("headers").fields().forEachRemaining(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            declared.add(name);
            JsonNode definition = header.getValue().has("$ref")
                    ? components.path(header.getValue().get("$ref").asText().replaceFirst(".*/", "")) : header.getValue();
            if (definition.path("required").asBoolean() && answer.header(header.getKey()) == null) {
                problems.add("required header " + header.getKey() + " is missing");
            }
        });
        answer.headers().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .filter(DOCUMENTED_HEADERS::contains)
                .filter(h -> !declared.contains(h))
                .forEach(h -> problems.add("header " + h + " is not declared"));
        return problems;
    }

    /** The checks' package in target/, with its pinned dependencies installed from the lockfile. */
    private static void prepareChecks(Path node) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(CHECKS)) {
            for (Path file : files.toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path npm = node.resolveSibling("npm");
        ProcessBuilder npmCi = new ProcessBuilder(Files.isExecutable(npm) ? npm.toString() : "npm", "ci", "--no-audit", "--no-fund",
                "--prefer-offline").directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("npm-ci.log").toFile());
        // npm is itself a Node.js program: it finds the node it runs on through the PATH.
        npmCi.environment().put("PATH", node.getParent() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        Process install = npmCi.start();
        if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            fail("npm ci for the document checks failed: " + Files.readString(WORK.resolve("npm-ci.log")));
        }
    }
}
