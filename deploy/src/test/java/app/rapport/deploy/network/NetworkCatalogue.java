package app.rapport.deploy.network;

import app.rapport.deploy.network.Endpoint.Port;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Every endpoint that could talk to or be reached from the Rapport namespace: the pods the manifests and
 * operators create there (with the labels those operators give them), the neighbours a cluster has (Ingress
 * controller, Prometheus, operators, DNS, a pod of some other application) and addresses outside (the
 * Kubernetes API, a public host, a host on a private network).
 */
public final class NetworkCatalogue {

    public static final String NAMESPACE = "rapport";
    private static final AtomicInteger NEXT_POD_ADDRESS = new AtomicInteger(10);

    private NetworkCatalogue() {
    }

    public static NetworkModel model(Manifests manifests) {
        List<Endpoint> endpoints = new ArrayList<>();
        manifests.deployments().forEach(d -> endpoints.add(workload(d)));
        manifests.ofKind("Cluster").forEach(c -> endpoints.add(database(c)));
        String kafka = manifests.ofKind("Kafka").get(0).path("metadata").path("name").asText();
        int listenerPort = manifests.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners").path(0).path("port").asInt();
        manifests.ofKind("KafkaNodePool").forEach(pool -> endpoints.add(kafkaNode(kafka, pool, listenerPort)));
        endpoints.add(pod("kafka-entity-operator", NAMESPACE, Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-entity-operator"), Set.of(Port.tcp(8080)), Set.of()));
        String keycloak = manifests.ofKind("Keycloak").get(0).path("metadata").path("name").asText();
        endpoints.add(pod("keycloak", NAMESPACE, Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                "app.kubernetes.io/managed-by", "keycloak-operator"), ports(8080, 7800, 57800, 9000), Set.of()));
        endpoints.add(pod("keycloak-realm-import", NAMESPACE, Map.of("app", "keycloak-realm-import",
                "app.kubernetes.io/instance", keycloak), Set.of(), Set.of()));
        endpoints.addAll(neighbours());
        List<NetworkPolicy> policies = new ArrayList<>(manifests.typed(NetworkPolicy.class));
        policies.add(strimziGenerated(manifests, kafka, listenerPort));
        return new NetworkModel(policies, endpoints);
    }

    private static List<Endpoint> neighbours() {
        return List.of(
                pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), ports(80, 443), Set.of()),
                pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), ports(9090), Set.of()),
                pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), ports(9443), Set.of()),
                pod("strimzi-operator", "strimzi", Map.of("name", "strimzi-cluster-operator"), ports(8080), Set.of()),
                pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Set.of(new Port(53, "UDP"), Port.tcp(53)), Set.of()),
                pod("other-application", "default", Map.of("app", "other"), ports(80, 443, 5432, 8080, 9093), Set.of()),
                address("kubernetes-api", "10.96.0.1", ports(443, 6443), false),
                address("public-host", "203.0.113.10", ports(25, 80, 443, 465, 587, 5432), true),
                address("private-host", "10.20.30.40", ports(25, 443, 587, 5432), false));
    }

    private static Endpoint workload(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        Set<Port> ports = Workloads.container(deployment).getPorts().stream().map(p -> Port.tcp(p.getContainerPort())).collect(Collectors.toSet());
        Set<String> aliases = ServiceModule.load(name).isPlatformService() ? Set.of("every service") : Set.of();
        return pod(name, NAMESPACE, Workloads.podLabels(deployment), ports, aliases);
    }

    private static Endpoint database(JsonNode cluster) {
        String name = cluster.path("metadata").path("name").asText();
        return pod(name, NAMESPACE, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), ports(5432, 8000), Set.of());
    }

    private static Endpoint kafkaNode(String kafka, JsonNode pool, int listenerPort) {
        Set<String> roles = StreamSupport.stream(pool.path("spec").path("roles").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet());
        Set<Port> ports = new HashSet<>();
        Set<String> aliases = new HashSet<>(Set.of("kafka-node"));
        if (roles.contains("controller")) {
            ports.add(Port.tcp(9090));
            aliases.add("kafka-controller");
        }
        if (roles.contains("broker")) {
            ports.add(Port.tcp(9091));
            ports.add(Port.tcp(listenerPort));
            aliases.add("kafka-broker");
        }
        String poolName = pool.path("metadata").path("name").asText();
        return pod("kafka-" + poolName, NAMESPACE, Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/pool-name", poolName, "strimzi.io/broker-role", Boolean.toString(roles.contains("broker")),
                "strimzi.io/controller-role", Boolean.toString(roles.contains("controller"))), ports, aliases);
    }

    /**
     * What Strimzi itself writes for the Kafka nodes: the listener open to its networkPolicyPeers, and the
     * replication and control-plane ports open to the cluster's own pods and to the cluster operator.
     */
    private static NetworkPolicy strimziGenerated(Manifests manifests, String kafka, int listenerPort) {
        JsonNode listener = manifests.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners").path(0);
        List<NetworkPolicyPeer> listenerPeers = new ArrayList<>();
        for (JsonNode peer : listener.path("networkPolicyPeers")) {
            listenerPeers.add(Manifests.SERIALIZATION.convertValue(peer, NetworkPolicyPeer.class));
        }
        NetworkPolicyIngressRule listenerRule = new NetworkPolicyIngressRuleBuilder().withFrom(listenerPeers)
                .withPorts(new NetworkPolicyPortBuilder().withNewPort(listenerPort).build()).build();
        NetworkPolicyIngressRule internal = new NetworkPolicyIngressRuleBuilder()
                .withFrom(new NetworkPolicyPeerBuilder().withPodSelector(labels(Map.of("strimzi.io/cluster", kafka))).build(),
                        new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelector())
                                .withPodSelector(labels(Map.of("name", "strimzi-cluster-operator"))).build())
                .withPorts(new NetworkPolicyPortBuilder().withNewPort(9090).build(), new NetworkPolicyPortBuilder().withNewPort(9091).build())
                .build();
        return new NetworkPolicyBuilder().withNewMetadata().withName(kafka + "-network-policy-kafka").withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("strimzi.io/cluster", kafka,
                        "strimzi.io/kind", "Kafka")).addNewMatchExpression().withKey("strimzi.io/pool-name").withOperator("Exists").endMatchExpression().build())
                .withPolicyTypes("Ingress").withIngress(listenerRule, internal).endSpec().build();
    }

    private static LabelSelector labels(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }

    private static Set<Port> ports(int... numbers) {
        Set<Port> ports = new HashSet<>();
        for (int number : numbers) {
            ports.add(Port.tcp(number));
        }
        return ports;
    }

    private static Endpoint pod(String name, String namespace, Map<String, String> labels, Set<Port> ports, Set<String> aliases) {
        Set<String> all = new HashSet<>(aliases);
        all.add("any address");
        if (NAMESPACE.equals(namespace)) {
            all.add("every pod");
        }
        return new Endpoint(name, namespace, labels, "10.244.0." + NEXT_POD_ADDRESS.incrementAndGet() % 250, ports, all);
    }

    private static Endpoint address(String name, String ip, Set<Port> ports, boolean isPublic) {
        Set<String> aliases = new HashSet<>(Set.of("any address"));
        if (isPublic) {
            aliases.add("public address");
        }
        return new Endpoint(name, null, Map.of(), ip, ports, aliases);
    }
}
