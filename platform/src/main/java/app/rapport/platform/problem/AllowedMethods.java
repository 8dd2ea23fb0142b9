package app.rapport.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each path of a service supports, for the {@code Allow} header a 405 must carry
 * (RFC 9110 §15.5.6). Built once from the resource classes' {@code @Path} templates, as the
 * framework itself routes them: among the templates that match, the most literal ones decide.
 */
public final class AllowedMethods {

    record Route(Pattern pattern, int literalCharacters, Set<String> methods) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** The Allow header's value for a path (without the application root), or null when no template matches. */
    public static String forPath(String path) {
        return allowed(routes(), path);
    }

    static String allowed(List<Route> table, String path) {
        String normalised = path.startsWith("/") ? path : "/" + path;
        int best = -1;
        Set<String> methods = new TreeSet<>();
        for (Route route : table) {
            if (!route.pattern().matcher(normalised).matches()) {
                continue;
            }
            if (route.literalCharacters() > best) {
                best = route.literalCharacters();
                methods.clear();
            }
            if (route.literalCharacters() == best) {
                methods.addAll(route.methods());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private static List<Route> routes() {
        List<Route> table = routes;
        if (table == null) {
            List<Class<?>> resources = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                    resources.add(bean.getBeanClass());
                }
            }
            table = routesOf(resources);
            routes = table;
        }
        return table;
    }

    static List<Route> routesOf(Collection<Class<?>> resources) {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(base, sub == null ? "" : sub.value());
                byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
            }
        }
        List<Route> table = new ArrayList<>();
        byTemplate.forEach((template, methods) -> table.add(route(template, methods)));
        return List.copyOf(table);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    static Route route(String template, Set<String> methods) {
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        int at = 0;
        Matcher variable = VARIABLE.matcher(template);
        while (variable.find()) {
            String text = template.substring(at, variable.start());
            literal += text.length();
            regex.append(Pattern.quote(text));
            regex.append(variable.group(1) == null ? "[^/]+" : "(?:" + variable.group(1).strip() + ")");
            at = variable.end();
        }
        String rest = template.substring(at);
        literal += rest.length();
        regex.append(Pattern.quote(rest)).append("/?");
        return new Route(Pattern.compile(regex.toString()), literal, Set.copyOf(methods));
    }
}
