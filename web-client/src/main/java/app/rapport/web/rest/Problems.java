package app.rapport.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** RFC 9457 answers in the same shape as the services' (type, title, status, detail, errors[].field). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    }

    private Problems() {
    }

    public static Response validation(String field, String message) {
        return of(400, "validation", "The request is not valid", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static Response of(int status, String type, String title, String detail) {
        return of(status, type, title, detail, List.of());
    }

    private static Response of(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("urn:rapport:problem:" + type, title, status, detail, errors)).build();
    }

    /** The same body as a string, for the forwarding layer, which answers below JAX-RS. */
    public static String json(int status, String type, String title, String detail) {
        return "{\"type\":\"urn:rapport:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
