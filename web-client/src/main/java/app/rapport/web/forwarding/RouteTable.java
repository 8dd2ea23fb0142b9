package app.rapport.web.forwarding;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which service owns a request path: the longest configured prefix that matches whole path segments. */
public final class RouteTable {

    public record Target(String prefix, URI service) {
    }

    private final List<Target> targets;

    public RouteTable(Map<String, URI> routes) {
        this.targets = routes.entrySet().stream()
                .map(e -> new Target(stripTrailingSlash(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt((Target t) -> t.prefix().length()).reversed())
                .toList();
    }

    /** {@code /api/v1/clients-x} does not belong to {@code /api/v1/clients}; {@code /api/v1/clients?x} does. */
    public Optional<Target> find(String path) {
        return targets.stream().filter(t -> matches(t.prefix(), path)).findFirst();
    }

    public List<Target> targets() {
        return targets;
    }

    private static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        if (path.length() == prefix.length()) {
            return true;
        }
        char next = path.charAt(prefix.length());
        return next == '/' || next == '?';
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
