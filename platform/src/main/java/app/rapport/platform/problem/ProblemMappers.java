package app.rapport.platform.problem;

import app.rapport.platform.input.DateBounds;
import app.rapport.platform.input.StrictJson;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every failure into an {@code application/problem+json} answer without internals (no stack traces, no SQL). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.invalid(detail, errors));
    }

    /** Named explicitly: Quarkus REST ships its own mapper for these, which would answer with plain JSON. */
    @ServerExceptionMapper({MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class})
    public Response unreadable(JsonProcessingException e) {
        return respond(readingProblem(e));
    }

    /** The 400 for a body that could not be read, naming the field wherever the reader knows it. */
    public static Problem readingProblem(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        JsonParseException syntax = e instanceof JsonParseException parse ? parse
                : e.getCause() instanceof JsonParseException parse ? parse : null;
        String duplicate = syntax == null ? null : duplicateKey(syntax);
        if (duplicate != null) {
            // A key given twice, seen by the parser wherever it is (a nested one arrives wrapped).
            field = duplicate;
            message = "is given more than once";
        } else if (e instanceof ControlCharacters.RefusedText refused) {
            message = refused.reason();
        } else if (e instanceof StrictJson.OutOfRange) {
            message = DateBounds.MESSAGE;
        } else if (e instanceof StrictJson.NotText) {
            message = StrictJson.NotText.MESSAGE;
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + describe(format.getTargetType()) + " (got " + shown(format.getValue()) + ")";
        } else if (e instanceof ValueInstantiationException instantiation) {
            message = describeRejected(instantiation);
        } else if (e instanceof JsonParseException) {
            return Problem.invalid("The body is not valid JSON", List.of());
        } else if (e instanceof MismatchedInputException mismatch && known(mismatch.getTargetType())) {
            message = "must be " + describe(mismatch.getTargetType()); // e.g. "true" for a boolean, null for a number
        } else {
            message = "has the wrong type or shape";
        }
        if (field.isEmpty()) {
            return Problem.invalid("The body does not have the expected shape", List.of());
        }
        return Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", "Authentication required",
                        "Send a valid bearer token from the Rapport identity provider")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Not allowed", "Your role does not allow this operation"));
    }

    /** A 405 names the methods the path does support (RFC 9110 requires {@code Allow}). */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return methodNotAllowed(allow == null || allow.isBlank() ? AllowedMethods.forPath(uri.getPath()) : allow);
    }

    /**
     * The framework answers 404 when a path served by several resource classes (every
     * {@code /clients/{clientId}/...}) lacks the method in all of them; the address exists, so that is
     * a 405 with Allow. A 404 caused by a parameter it could not convert is the caller's mistake: 400.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, Request request) {
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            return respond(Problem.invalid("A path or query parameter could not be read", List.of()));
        }
        String allow = AllowedMethods.forPath(uri.getPath());
        if (allow != null && !java.util.Arrays.asList(allow.split(", ")).contains(request.getMethod())) {
            return methodNotAllowed(allow);
        }
        return web(e);
    }

    private static Response methodNotAllowed(String allow) {
        Response answer = respond(Problem.of(405, "method-not-allowed", "Method Not Allowed",
                "This address does not support that method"));
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Some body-reading failures (e.g. a creator rejecting an enum value) arrive wrapped.
            return unreadable(json);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String slug = type.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(Problem.of(status, slug, type.getReasonPhrase(), type.getReasonPhrase()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.serverError(incident));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withoutInternalNames(problem)).build();
    }

    /**
     * The last line of defence: a detail or field message built from a library's exception text may
     * name a class, a package or SQL. Such text is logged and replaced, keeping the status and fields.
     */
    static Problem withoutInternalNames(Problem problem) {
        boolean leaks = InternalNames.mentioned(problem.detail())
                || problem.errors().stream().anyMatch(error -> InternalNames.mentioned(error.message())
                || InternalNames.mentioned(error.field()));
        if (!leaks) {
            return problem;
        }
        LOG.warnf("Problem text named internals and was replaced: %s %s", problem.detail(), problem.errors());
        List<Problem.FieldError> errors = problem.errors().stream()
                .map(error -> new Problem.FieldError(InternalNames.mentioned(error.field()) ? "request" : error.field(),
                        InternalNames.mentioned(error.message()) ? GENERIC_FIELD_MESSAGE : error.message()))
                .toList();
        String detail = errors.isEmpty() ? "The request could not be processed as sent"
                : errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        return new Problem(problem.type(), problem.title(), problem.status(), detail, errors, problem.incidentId());
    }

    private static final String GENERIC_FIELD_MESSAGE = "is not an accepted value";

    /** Drops the method and parameter names from a bean-validation path: {@code register.body.givenName -> givenName}. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT && !names.isEmpty()
                    && node.getName() != null && node.getName().startsWith("<")) {
                // An element of a list (or map) property: tasks[1] rather than tasks.<list element>[1].
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
                }
            } else if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && violation.getLeafBean() != null && !names.isEmpty()) {
            names.remove(0); // the body parameter itself
        }
        return names.isEmpty() ? "request" : String.join(".", names);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** A creator refused the value (e.g. an unknown enum word): name the accepted values when there is a short list. */
    private static String describeRejected(ValueInstantiationException e) {
        Class<?> type = e.getType() == null ? null : e.getType().getRawClass();
        if (type != null && type.isEnum()) {
            List<String> accepted = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                accepted.add(JSON_NAMES.apply(constant));
            }
            return "must be one of " + String.join(", ", accepted);
        }
        String reason = e.getCause() != null ? e.getCause().getMessage() : null;
        return reason == null || InternalNames.mentioned(reason) ? GENERIC_FIELD_MESSAGE : reason;
    }

    /** How an enum constant is written in JSON: its @JsonValue method's result if it has one, else its name. */
    private static final java.util.function.Function<Object, String> JSON_NAMES = constant -> {
        for (java.lang.reflect.Method method : constant.getClass().getMethods()) {
            if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException ignored) {
                    break;
                }
            }
        }
        return ((Enum<?>) constant).name();
    };

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected kind of value";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(JSON_NAMES).toList());
        }
        // Named for the caller in JSON terms: a Java type name means nothing to them and says how Rapport is built.
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time with offset (ISO 8601)";
            case "LocalDateTime" -> "a local date-time (ISO 8601, e.g. 2026-03-29T10:00)";
            case "LocalTime" -> "a time of day (HH:mm)";
            case "Duration", "Period" -> "an ISO 8601 duration";
            case "ZoneId" -> "a time zone (IANA, e.g. Europe/London)";
            case "UUID" -> "an id (UUID)";
            case "Integer", "int", "Long", "long", "Short", "short", "BigInteger" -> "a whole number";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            default -> "the expected kind of value";
        };
    }

    private static boolean known(Class<?> type) {
        return type != null && !describe(type).equals("the expected kind of value");
    }

    /** The refused value as the caller wrote it: strings quoted, long ones cut short. */
    private static String shown(Object value) {
        // Never echo what could not be stored either: control characters and lone surrogates become U+FFFD.
        String text = String.valueOf(value).codePoints()
                .map(c -> Character.isSurrogate((char) c) && c <= 0xFFFF || c < 0x20 || c == 0x7F ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "…";
        }
        return value instanceof String ? "\"" + text + "\"" : text;
    }

    /** The path of a key given twice (strict duplicate detection), or null for any other syntax error. */
    private static String duplicateKey(JsonParseException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")
                || e.getProcessor() == null) {
            return null;
        }
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        List<String> names = new ArrayList<>();
        for (com.fasterxml.jackson.core.JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot();
             at = at.getParent()) {
            names.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        return String.join(".", names).replace(".[", "[");
    }
}
