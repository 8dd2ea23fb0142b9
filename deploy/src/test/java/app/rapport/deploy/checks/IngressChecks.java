package app.rapport.deploy.checks;

import app.rapport.deploy.support.ApiOwnership;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
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

    /**
     * No Ingress (the app's or the identity provider's) routes anything to a Rapport workload's management port:
     * health detail, metrics and the API description are for the cluster's monitoring only.
     */
    public static List<String> managementNotRouted(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : manifests.typed(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    if (backend != null && managementPorts(manifests, backend.getName()).stream().anyMatch(p ->
                            backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                                    : backend.getPort().getNumber().equals(p.getPort()))) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " routes " + path.getPath()
                                + " to the management port of " + backend.getName());
                    }
                    if (path.getPath().equals("/q") || path.getPath().startsWith("/q/")) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " routes the management path " + path.getPath());
                    }
                }
            }
        }
        return problems;
    }

    /** The ports of a Service that lead to its workload's management port. */
    private static List<io.fabric8.kubernetes.api.model.ServicePort> managementPorts(Manifests manifests, String serviceName) {
        Optional<Service> service = manifests.typed(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(serviceName)).findFirst();
        Optional<io.fabric8.kubernetes.api.model.apps.Deployment> deployment = manifests.deployment(serviceName);
        if (service.isEmpty() || deployment.isEmpty() || !ServiceModule.WORKLOADS.contains(serviceName)) {
            return List.of();
        }
        int management = ServiceModule.load(serviceName).managementPort(Workloads.environment(deployment.get(), manifests));
        return service.get().getSpec().getPorts().stream().filter(p -> "management".equals(p.getName())
                || Workloads.containerPort(deployment.get(), p.getTargetPort()).filter(t -> t == management).isPresent()).toList();
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
