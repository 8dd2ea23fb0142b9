package app.rapport.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each invalid field; {@code incidentId} lets
 * support find a server-side failure in the logs without exposing anything about it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String incidentId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:rapport:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + "validation", "The request is not valid", 400, detail, errors, null);
    }

    public static Problem serverError(String incidentId) {
        return new Problem(TYPE_BASE + "server-error", "Something went wrong on our side", 500,
                "The request was not completed and nothing was changed. Quote the incident id if you contact support.",
                List.of(), incidentId);
    }
}
