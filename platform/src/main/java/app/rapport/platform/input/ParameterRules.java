package app.rapport.platform.input;

import app.rapport.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every operation's query and path parameters to what its resource method declares, as an
 * unknown body field is refused: a query parameter the operation does not take ({@code ?clientId=}
 * on the inbox) is a 400 naming it rather than silently ignored, a single-valued one given twice is a
 * 400, and a value that cannot be read as the declared type ({@code size=abc}, a malformed id,
 * {@code includePast=maybe}) is a 400 naming the parameter. Ranges are the methods' own constraints.
 */
@Provider
public class ParameterRules implements ContainerRequestFilter {

    private static final Map<Method, DeclaredParameters> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        DeclaredParameters declared = DECLARED.computeIfAbsent(method,
                m -> DeclaredParameters.of(resource.getResourceClass(), m));
        check(declared, request.getUriInfo().getQueryParameters(), request.getUriInfo().getPathParameters());
    }

    static void check(DeclaredParameters declared, MultivaluedMap<String, String> query,
                      MultivaluedMap<String, String> path) {
        for (Map.Entry<String, List<String>> given : query.entrySet()) {
            DeclaredParameters.Declared parameter = declared.query().get(given.getKey());
            if (parameter == null) {
                List<String> accepted = declared.queryNames();
                throw ProblemException.invalidField(given.getKey(), accepted.isEmpty()
                        ? "is not a parameter of this operation, which takes no query parameters"
                        : "is not a parameter of this operation (it takes " + String.join(", ", accepted) + ")");
            }
            checkValues(parameter, given.getValue());
        }
        for (Map.Entry<String, List<String>> given : path.entrySet()) {
            DeclaredParameters.Declared parameter = declared.path().get(given.getKey());
            if (parameter != null) {
                checkValues(parameter, given.getValue());
            }
        }
    }

    private static void checkValues(DeclaredParameters.Declared parameter, List<String> values) {
        if (!parameter.repeatable() && values.size() > 1) {
            throw ProblemException.invalidField(parameter.name(), "is given more than once");
        }
        for (String value : values) {
            if (!parameter.kind().accepts(value)) {
                throw ProblemException.invalidField(parameter.name(), parameter.kind().requirement());
            }
        }
    }
}
