package app.rapport.deploy.checks;

import app.rapport.deploy.support.ApiOwnership;
import app.rapport.deploy.support.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public Ingress: TLS for its host, the web client at /, and each API prefix to the service whose
 * resources serve it (as the services' code says), on a port that Service has.
 */
public final class IngressChecks {

    private IngressChecks() {
    }

    public static List<String> apiRouting(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Optional<Ingress> found = manifests.typed(Ingress.class).stream().filter(i -> i.getMetadata().getName().equals("rapport")).findFirst();
        if (found.isEmpty()) {
            return List.of("no Ingress rapport");
        }
        Ingress ingress = found.get();
        List<IngressRule> rules = ingress.getSpec().getRules();
        if (rules.size() != 1) {
            return List.of("Ingress rapport should have one host, has " + rules.size());
        }
        String host = rules.get(0).getHost();
        boolean tls = ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(host) && t.getSecretName() != null);
        if (!tls) {
            problems.add("Ingress rapport serves " + host + " without TLS");
        }
        Map<String, String> owners = ApiOwnership.prefixes();
        List<HTTPIngressPath> paths = rules.get(0).getHttp().getPaths();
        owners.forEach((prefix, owner) -> {
            List<HTTPIngressPath> routes = paths.stream().filter(p -> p.getPath().equals(prefix)).toList();
            if (routes.size() != 1 || !"Prefix".equals(routes.get(0).getPathType())) {
                problems.add(prefix + " (" + owner + ") needs exactly one Prefix path in the Ingress, found " + routes.size());
            } else {
                checkBackend(manifests, problems, prefix, routes.get(0).getBackend().getService(), owner);
            }
        });
        for (HTTPIngressPath path : paths) {
            if (path.getPath().equals("/")) {
                checkBackend(manifests, problems, "/", path.getBackend().getService(), "web-client");
            } else if (!owners.containsKey(path.getPath())) {
                problems.add("Ingress path " + path.getPath() + " is served by no service's resources");
            }
        }
        if (paths.stream().noneMatch(p -> p.getPath().equals("/"))) {
            problems.add("the web client is not routed at /");
        }
        return problems;
    }

    /**
     * The services build every absolute URL from RAPPORT_PUBLIC_BASE_URL, so it must be the Ingress origin (https and
     * the Ingress host) and no service may set its own.
     */
    public static List<String> publicBaseUrl(Manifests manifests) {
        Optional<Ingress> ingress = manifests.typed(Ingress.class).stream().filter(i -> i.getMetadata().getName().equals("rapport")).findFirst();
        if (ingress.isEmpty()) {
            return List.of("no Ingress rapport");
        }
        String expected = "https://" + ingress.get().getSpec().getRules().get(0).getHost();
        List<String> problems = new ArrayList<>();
        String shared = manifests.configMap("rapport-shared").map(c -> c.getData().get("RAPPORT_PUBLIC_BASE_URL")).orElse(null);
        if (!expected.equals(shared)) {
            problems.add("rapport-shared RAPPORT_PUBLIC_BASE_URL is " + shared + ", the Ingress origin is " + expected);
        }
        for (ConfigMap map : manifests.typed(ConfigMap.class)) {
            if (!map.getMetadata().getName().equals("rapport-shared") && map.getData() != null
                    && map.getData().containsKey("RAPPORT_PUBLIC_BASE_URL")) {
                problems.add("ConfigMap " + map.getMetadata().getName() + " sets its own RAPPORT_PUBLIC_BASE_URL");
            }
        }
        return problems;
    }

    private static void checkBackend(Manifests manifests, List<String> problems, String path, IngressServiceBackend backend, String owner) {
        if (backend == null || !owner.equals(backend.getName())) {
            problems.add(path + " routes to " + (backend == null ? "nothing" : backend.getName()) + ", but " + owner + " serves it");
            return;
        }
        Optional<Service> service = manifests.typed(Service.class).stream().filter(s -> s.getMetadata().getName().equals(owner)).findFirst();
        boolean portExists = service.isPresent() && service.get().getSpec().getPorts().stream().anyMatch(p ->
                backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                        : backend.getPort().getNumber().equals(p.getPort()));
        if (!portExists) {
            problems.add(path + " routes to a port Service " + owner + " does not have");
        }
    }
}
