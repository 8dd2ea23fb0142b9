package app.rapport.platform.problem;

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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
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
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (e instanceof ControlCharacters.RefusedText) {
            message = "must not contain control characters";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + describe(format.getTargetType()) + " (got " + format.getValue() + ")";
        } else if (e instanceof ValueInstantiationException instantiation) {
            message = describeRejected(instantiation);
        } else if (e instanceof JsonParseException) {
            return respond(Problem.invalid("The body is not valid JSON", List.of()));
        } else {
            message = "has the wrong type or shape";
        }
        if (field.isEmpty()) {
            return respond(Problem.invalid("The body does not have the expected shape", List.of()));
        }
        return respond(Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))));
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
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

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
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "is not an accepted value";
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
            return "the expected type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time with offset (ISO 8601)";
            case "UUID" -> "an id (UUID)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
        };
    }
}
