package app.rapport.deploy.checks;

import app.rapport.deploy.network.Endpoint;
import app.rapport.deploy.network.Endpoint.Port;
import app.rapport.deploy.network.NetworkCatalogue;
import app.rapport.deploy.network.NetworkModel;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.OperationsGuide;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NetworkPolicies against the flows documented in docs/operations.md ("Network flows"): each documented
 * flow is allowed, and no endpoint pair involving the Rapport namespace is allowed anything undocumented.
 */
public final class NetworkChecks {

    private record Flow(Endpoint from, Endpoint to, Port port) {
        @Override
        public String toString() {
            return from.name() + " -> " + to.name() + ":" + port;
        }
    }

    private NetworkChecks() {
    }

    public static List<String> flows(Manifests manifests, OperationsGuide guide) {
        NetworkModel model = NetworkCatalogue.model(manifests);
        List<String> problems = new ArrayList<>();
        Set<Flow> documented = documented(model, guide, problems);
        for (Flow flow : documented) {
            if (!model.allows(flow.from(), flow.to(), flow.port())) {
                problems.add("documented flow " + flow + " is blocked");
            }
        }
        for (Endpoint from : model.endpoints()) {
            for (Endpoint to : model.endpoints()) {
                if (!inNamespace(from) && !inNamespace(to)) {
                    continue;
                }
                for (Port port : to.ports()) {
                    Flow flow = new Flow(from, to, port);
                    if (model.allows(from, to, port) && !documented.contains(flow)) {
                        problems.add("policies allow " + flow + ", which is not a documented flow");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Whatever the guide documents: no endpoint but Prometheus in the monitoring namespace may reach a Rapport
     * workload's management port (health detail, metrics, the API description).
     */
    public static List<String> managementOnlyFromMonitoring(Manifests manifests) {
        NetworkModel model = NetworkCatalogue.model(manifests);
        List<String> problems = new ArrayList<>();
        for (var deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            Port management = Port.tcp(ServiceModule.load(name).managementPort(Workloads.environment(deployment, manifests)));
            Endpoint workload = model.endpoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
            for (Endpoint from : model.endpoints()) {
                boolean monitoring = from.name().equals("prometheus") && "monitoring".equals(from.namespace());
                if (!monitoring && model.allows(from, workload, management)) {
                    problems.add("policies let " + from.name() + " reach the management port " + management + " of " + name);
                }
            }
            if (!model.endpoints().stream().filter(e -> e.name().equals("prometheus"))
                    .allMatch(prometheus -> model.allows(prometheus, workload, management))) {
                problems.add("Prometheus cannot reach the management port " + management + " of " + name);
            }
        }
        return problems;
    }

    private static Set<Flow> documented(NetworkModel model, OperationsGuide guide, List<String> problems) {
        Set<Flow> flows = new HashSet<>();
        for (Map<String, String> row : guide.table("Network flows")) {
            List<Endpoint> from = resolve(model, row.get("from"), problems);
            List<Endpoint> to = resolve(model, row.get("to"), problems);
            for (String port : OperationsGuide.list(row.get("ports"))) {
                Port wanted = port.contains("/") ? new Port(Integer.parseInt(port.split("/")[0]), port.split("/")[1])
                        : Port.tcp(Integer.parseInt(port));
                for (Endpoint source : from) {
                    for (Endpoint target : to) {
                        // A group names endpoints that may not all listen on every port of the row.
                        if (target.ports().contains(wanted)) {
                            flows.add(new Flow(source, target, wanted));
                        }
                    }
                }
            }
        }
        return flows;
    }

    private static List<Endpoint> resolve(NetworkModel model, String cell, List<String> problems) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String name : OperationsGuide.list(cell)) {
            List<Endpoint> matching = model.endpoints().stream().filter(e -> e.answersTo(name)).toList();
            if (matching.isEmpty()) {
                problems.add("the network flows name '" + name + "', which is no known endpoint");
            }
            endpoints.addAll(matching);
        }
        return endpoints;
    }

    private static boolean inNamespace(Endpoint endpoint) {
        return NetworkCatalogue.NAMESPACE.equals(endpoint.namespace());
    }
}
