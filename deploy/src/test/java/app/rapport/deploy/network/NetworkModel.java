package app.rapport.deploy.network;

import app.rapport.deploy.network.Endpoint.Port;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;

/**
 * Decides whether NetworkPolicies let one endpoint reach another on a port, with Kubernetes semantics:
 * a pod selected by no policy of a direction is open in that direction; once selected, only what some
 * rule allows passes, and a connection needs both the sender's egress and the receiver's ingress.
 */
public final class NetworkModel {

    private final List<NetworkPolicy> policies;
    private final List<Endpoint> endpoints;

    public NetworkModel(List<NetworkPolicy> policies, List<Endpoint> endpoints) {
        this.policies = List.copyOf(policies);
        this.endpoints = List.copyOf(endpoints);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public boolean allows(Endpoint from, Endpoint to, Port port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, Port port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getEgress().stream()
                .map(rule -> anyPeer(rule.getTo(), namespaceOf(p), to) && anyPort(rule.getPorts(), port))).anyMatch(b -> b);
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, Port port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress().stream()
                .map(rule -> anyPeer(rule.getFrom(), namespaceOf(p), from) && anyPort(rule.getPorts(), port))).anyMatch(b -> b);
    }

    private List<NetworkPolicy> selecting(Endpoint endpoint, String direction) {
        if (!endpoint.isPod()) {
            return List.of();
        }
        return policies.stream()
                .filter(p -> namespaceOf(p).equals(endpoint.namespace()))
                .filter(p -> types(p).contains(direction))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), endpoint.labels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static String namespaceOf(NetworkPolicy policy) {
        return policy.getMetadata().getNamespace();
    }

    /** No peers listed means every peer. */
    private static boolean anyPeer(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint other) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> matches(peer, policyNamespace, other));
    }

    private static boolean matches(NetworkPolicyPeer peer, String policyNamespace, Endpoint other) {
        if (peer.getIpBlock() != null) {
            return inBlock(peer.getIpBlock(), other.ip());
        }
        if (!other.isPod()) {
            return false;
        }
        LabelSelector namespaces = peer.getNamespaceSelector();
        boolean namespaceMatches = namespaces == null ? other.namespace().equals(policyNamespace)
                : Selectors.matches(namespaces, Map.of("kubernetes.io/metadata.name", other.namespace()));
        LabelSelector pods = peer.getPodSelector();
        return namespaceMatches && (pods == null || Selectors.matches(pods, other.labels()));
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return ip != null && Cidr.contains(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(e -> Cidr.contains(e, ip)));
    }

    /** No ports listed means every port. */
    private static boolean anyPort(List<NetworkPolicyPort> ports, Port port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> matches(p, port));
    }

    private static boolean matches(NetworkPolicyPort rule, Port port) {
        String protocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
        if (!protocol.equals(port.protocol())) {
            return false;
        }
        IntOrString number = rule.getPort();
        if (number == null) {
            return true;
        }
        if (number.getIntVal() == null) {
            throw new AssertionError("Named ports in NetworkPolicies are not checked; use numbers: " + number.getStrVal());
        }
        int last = rule.getEndPort() != null ? rule.getEndPort() : number.getIntVal();
        return port.number() >= number.getIntVal() && port.number() <= last;
    }
}
