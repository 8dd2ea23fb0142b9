package app.rapport.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes every service's OpenAPI document say what the services do, in ways the scanner cannot see from the code:
 * <ul>
 *   <li>every error answer is {@code application/problem+json} with the one {@code Problem} schema, and each operation
 *       lists the errors the shared layers give it (bad input, authentication, a hidden or missing resource, body size
 *       and type, the server-error problem) besides the ones its resource method declares;</li>
 *   <li>an operation without a security requirement is public and says so ({@code security: []});</li>
 *   <li>patterns mean what bean validation means: {@code @Pattern} matches the whole value, a JSON Schema pattern
 *       matches anywhere, so each is anchored; a pattern that only lists words becomes an {@code enum}.</li>
 * </ul>
 * Resource methods declare only their own success answers and the conflicts particular to them. Component schemas
 * nothing refers to (the shared wall-clock types in a service without wall-clock fields) are left out.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String HEADER_REF = "#/components/headers/";

    /** What the scanner writes for {@code @NotBlank}: "has a non-space character somewhere", already meant unanchored. */
    private static final String NOT_BLANK = "\\S";
    private static final Pattern WORD_LIST = Pattern.compile("[a-z0-9][a-z0-9-]*(\\|[a-z0-9][a-z0-9-]*)+");

    /** The errors every operation of the kind can get from the shared layers, with the problem each one is. */
    private static final Map<String, String> ANY_OPERATION = Map.of(
            "400", "Invalid input: the problem's errors name each field or parameter",
            "500", "Nothing was changed; the problem's incidentId finds the log entry");
    private static final Map<String, String> SIGNED_IN = Map.of(
            "401", "No token, or one that is expired or not trusted",
            "403", "The caller's role does not allow this operation");
    private static final Map<String, String> WITH_PATH_PARAMETERS = Map.of(
            "404", "No such resource, or one the caller may not see");
    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "The body is larger than 256 KiB",
            "415", "The body is not JSON");

    /** A response header resource methods refer to by name ({@code @Header(name = "ETag", ref = "ETag")}). */
    private record HeaderDefinition(String description, boolean alwaysSent) {
    }

    private static final Map<String, HeaderDefinition> HEADERS = Map.of(
            "Location", new HeaderDefinition("The absolute URL of what was created", true),
            "ETag", new HeaderDefinition("The version; send it back in If-Match to change it only if nobody else has. "
                    + "Left out where the caller sees only a summary", false),
            "Idempotent-Replayed", new HeaderDefinition(
                    "true when the answer repeats the one given to an earlier request with the same Idempotency-Key", false),
            "Content-Disposition", new HeaderDefinition("attachment, with a file name", true));

    @Override
    public Schema filterSchema(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern == null || pattern.equals(NOT_BLANK)) {
            return schema;
        }
        if (WORD_LIST.matcher(pattern).matches()) {
            schema.setPattern(null);
            schema.setEnumeration(new ArrayList<>(List.of((Object[]) pattern.split("\\|"))));
        } else if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> completeOperation(item, operation)));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        for (String header : referencedHeaders(openAPI)) {
            HeaderDefinition definition = HEADERS.get(header);
            if (definition == null) {
                throw new IllegalStateException("A response refers to header " + header + ", which the API documents do not define");
            }
            openAPI.getComponents().addHeader(header, OASFactory.createHeader().description(definition.description())
                    .required(definition.alwaysSent()).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        SchemaReferences.dropUnused(openAPI);
    }

    private static void completeOperation(PathItem item, Operation operation) {
        if (operation.getSecurity() == null) {
            // The scanner adds the bearer requirement to every operation that needs a role or a signed-in caller.
            operation.setSecurity(new ArrayList<>());
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>(ANY_OPERATION);
        if (!operation.getSecurity().isEmpty()) {
            errors.putAll(SIGNED_IN);
        }
        if (hasPathParameters(item, operation)) {
            errors.putAll(WITH_PATH_PARAMETERS);
        }
        if (operation.getRequestBody() != null) {
            errors.putAll(WITH_BODY);
        }
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(response);
            }
        });
    }

    private static boolean hasPathParameters(PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    /** Whatever the scanner or a resource method wrote as an error's content, the answer is a problem. */
    private static void asProblem(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static List<String> referencedHeaders(OpenAPI openAPI) {
        List<String> names = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(header -> {
                        String ref = header.getRef();
                        if (ref != null && ref.startsWith(HEADER_REF) && !names.contains(ref.substring(HEADER_REF.length()))) {
                            names.add(ref.substring(HEADER_REF.length()));
                        }
                    });
                }
            });
        }));
        return names;
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; the same shape for every error of every service")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", text("urn:rapport:problem:<slug>, e.g. urn:rapport:problem:validation"))
                .addProperty("title", text("What kind of problem this is"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status"))
                .addProperty("detail", text("What went wrong in this request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field or parameter (validation problems only)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("incidentId", text("Server errors only: quote it to support to find the log entry"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("field").addRequired("message")
                .addProperty("field", text("The field or parameter, e.g. dateOfBirth or groups[sessions].channels[1]"))
                .addProperty("message", text("What is wrong with it"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
