package app.rapport.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiDocumentFilterTest {

    private final ApiDocumentFilter filter = new ApiDocumentFilter();

    /** A pattern as bean validation applies it (whole value) and samples on both sides of it. */
    private static final Map<String, List<String>> PATTERNS = Map.of(
            "[a-z0-9][a-z0-9-]{1,63}", List.of("core-10", "x", "core 10", "-core", "a-b!"),
            "[^\\x00-\\x1F\\x7F]*", List.of("Grace", "", "Gr\u0000ace", "line\nbreak", "tab\t"),
            "https://\\S+", List.of("https://meet.example/x", "xhttps://a", "https://a b", "https://"),
            "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", List.of("en", "pt-BR", "english", "e", "en-"));

    @Test
    void patternsAreAnchoredSoTheyAcceptExactlyWhatBeanValidationAccepts() {
        PATTERNS.forEach((pattern, samples) -> {
            Schema schema = filter.filterSchema(OASFactory.createSchema().pattern(pattern));
            Pattern published = Pattern.compile(schema.getPattern());
            for (String sample : samples) {
                // find(), as a JSON Schema validator applies a pattern; matches(), as bean validation does.
                assertEquals(Pattern.compile(pattern).matcher(sample).matches(), published.matcher(sample).find(),
                        pattern + " on " + sample);
            }
        });
    }

    @Test
    void wordListsBecomeEnumsAndNotBlankStaysAsItIs() {
        Map<String, List<Object>> lists = Map.of(
                "planned|unplanned", List.of("planned", "unplanned"),
                "therapy|case-management-visit|mdt-meeting|review|other",
                List.of("therapy", "case-management-visit", "mdt-meeting", "review", "other"));
        lists.forEach((pattern, words) -> {
            Schema schema = filter.filterSchema(OASFactory.createSchema().pattern(pattern));
            assertNull(schema.getPattern(), pattern);
            assertEquals(words, schema.getEnumeration(), pattern);
        });
        assertEquals("\\S", filter.filterSchema(OASFactory.createSchema().pattern("\\S")).getPattern(),
                "@NotBlank's 'a non-space character somewhere' keeps its meaning");
        assertEquals("^[0-9]{2}$", filter.filterSchema(OASFactory.createSchema().pattern("^[0-9]{2}$")).getPattern());
    }

    @Test
    void everyOperationGetsTheErrorsOfItsKindAsProblemsAndPublicOnesSaySo() {
        record Case(String path, boolean secured, boolean body, Set<String> errors) {
        }
        List<Case> cases = List.of(
                new Case("/things", true, false, Set.of("400", "401", "403", "500")),
                new Case("/things/{id}", true, true, Set.of("400", "401", "403", "404", "413", "415", "500")),
                new Case("/public/{token}", false, false, Set.of("400", "404", "500")),
                new Case("/public", false, true, Set.of("400", "413", "415", "500")));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        for (Case c : cases) {
            Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
            if (c.path().contains("{")) {
                operation.addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true));
            }
            if (c.secured()) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
            }
            if (c.body()) {
                operation.requestBody(OASFactory.createRequestBody());
            }
            openAPI.getPaths().addPathItem(c.path(), OASFactory.createPathItem().POST(operation));
        }
        filter.filterOpenAPI(openAPI);
        for (Case c : cases) {
            Operation operation = openAPI.getPaths().getPathItem(c.path()).getPOST();
            Set<String> errors = new java.util.TreeSet<>(operation.getResponses().getAPIResponses().keySet());
            errors.remove("200");
            assertEquals(new java.util.TreeSet<>(c.errors()), errors, c.path());
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.equals("200")) {
                    assertEquals("#/components/schemas/Problem", response.getContent().getMediaType("application/problem+json")
                            .getSchema().getRef(), c.path() + " " + status);
                }
            });
            assertEquals(c.secured(), !operation.getSecurity().isEmpty(), c.path() + ": security: [] exactly when public");
        }
        assertTrue(openAPI.getComponents().getSchemas().containsKey("Problem"));
    }
}
