package app.rapport.deploy.checks;

import app.rapport.deploy.network.Endpoint;
import app.rapport.deploy.network.Endpoint.Port;
import app.rapport.deploy.network.NetworkCatalogue;
import app.rapport.deploy.network.NetworkModel;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.OperationsGuide;

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
