package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What distinguishes the overlays: development is one small replica of everything; production is highly available. */
public final class OverlayShapeChecks {

    private static final BigDecimal DEV_MEMORY_LIMIT = new BigDecimal(512L * 1024 * 1024);

    private OverlayShapeChecks() {
    }

    public static List<String> development(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            if (!Integer.valueOf(1).equals(deployment.getSpec().getReplicas())) {
                problems.add(name + " runs " + deployment.getSpec().getReplicas() + " replicas in development, not 1");
            }
            Quantity memory = Workloads.container(deployment).getResources().getLimits().get("memory");
            if (memory != null && memory.getNumericalAmount().compareTo(DEV_MEMORY_LIMIT) > 0) {
                problems.add(name + " may use " + memory + " in development (at most 512Mi)");
            }
            if (autoscaler(manifests, name).isPresent()) {
                problems.add(name + " is autoscaled in development");
            }
            // A budget must never block draining a node that holds the only replica.
            disruptionBudget(manifests, deployment).filter(p -> p.getSpec().getMinAvailable() != null)
                    .ifPresent(p -> problems.add(name + "'s disruption budget sets minAvailable with a single replica"));
        }
        return problems;
    }

    public static List<String> production(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            Optional<HorizontalPodAutoscaler> hpa = autoscaler(manifests, name);
            if (hpa.isEmpty() || hpa.get().getSpec().getMinReplicas() == null || hpa.get().getSpec().getMinReplicas() < 3) {
                problems.add(name + " needs an autoscaler keeping at least 3 replicas");
            }
            Integer replicas = deployment.getSpec().getReplicas();
            if (replicas != null && replicas < 3) {
                problems.add(name + " asks for " + replicas + " replicas in production");
            }
            if (disruptionBudget(manifests, deployment).isEmpty()) {
                problems.add(name + " has no PodDisruptionBudget");
            }
            if (!antiAffine(deployment)) {
                problems.add(name + "'s replicas are not kept apart (pod anti-affinity on their own labels)");
            }
            var resources = Workloads.container(deployment).getResources();
            Quantity request = resources.getRequests().get("memory");
            Quantity limit = resources.getLimits().get("memory");
            if (request == null || limit == null || request.getNumericalAmount().compareTo(limit.getNumericalAmount()) != 0) {
                problems.add(name + ": production memory request must equal its limit");
            }
        }
        problems.addAll(platform(manifests));
        return problems;
    }

    /** Kafka, PostgreSQL and Keycloak in production: three of each, topics replicated three times. */
    private static List<String> platform(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        if (KafkaChecks.nodes(manifests, "broker") < 3 || KafkaChecks.nodes(manifests, "controller") < 3) {
            problems.add("production Kafka needs at least 3 brokers and 3 controllers");
        }
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            if (topic.path("spec").path("replicas").asInt() != 3 || topic.path("spec").path("config").path("min.insync.replicas").asInt() != 2) {
                problems.add("KafkaTopic " + KafkaChecks.topicName(topic) + " needs replication 3 and min.insync.replicas 2");
            }
        }
        Stream.concat(manifests.ofKind("Cluster").stream(), manifests.ofKind("Keycloak").stream())
                .filter(r -> r.path("spec").path("instances").asInt() < 2)
                .forEach(r -> problems.add(r.path("kind").asText() + " " + r.path("metadata").path("name").asText() + " has a single instance"));
        return problems;
    }

    private static boolean antiAffine(Deployment deployment) {
        var affinity = deployment.getSpec().getTemplate().getSpec().getAffinity();
        if (affinity == null || affinity.getPodAntiAffinity() == null) {
            return false;
        }
        Map<String, String> own = Workloads.podLabels(deployment);
        var anti = affinity.getPodAntiAffinity();
        Stream<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms = Stream.concat(anti.getRequiredDuringSchedulingIgnoredDuringExecution().stream(),
                anti.getPreferredDuringSchedulingIgnoredDuringExecution().stream().map(WeightedPodAffinityTerm::getPodAffinityTerm));
        return terms.anyMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey()) && t.getLabelSelector() != null
                && !t.getLabelSelector().getMatchLabels().isEmpty()
                && own.entrySet().containsAll(t.getLabelSelector().getMatchLabels().entrySet()));
    }

    private static Optional<HorizontalPodAutoscaler> autoscaler(Manifests manifests, String deployment) {
        return manifests.typed(HorizontalPodAutoscaler.class).stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.equals(h.getSpec().getScaleTargetRef().getName())).findFirst();
    }

    private static Optional<PodDisruptionBudget> disruptionBudget(Manifests manifests, Deployment deployment) {
        Map<String, String> labels = Workloads.podLabels(deployment);
        return manifests.typed(PodDisruptionBudget.class).stream()
                .filter(p -> labels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())).findFirst();
    }
}
