package app.rapport.deploy.checks;

import app.rapport.deploy.support.EventContract;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/** Strimzi resources against the event contract and each service's consumer configuration. */
public final class KafkaChecks {

    private KafkaChecks() {
    }

    /** The KafkaTopics are exactly the contract's topics plus one dead-letter topic per consumer group. */
    public static List<String> topicsMatchContract(Manifests manifests) {
        List<String> problems = new ArrayList<>(EventContract.inconsistencies());
        Set<String> expected = new TreeSet<>(EventContract.topics());
        ServiceModule.all().forEach(m -> m.consumerGroup().ifPresent(g -> expected.add(EventContract.deadLetterTopic(g))));
        Set<String> actual = new TreeSet<>();
        manifests.ofKind("KafkaTopic").forEach(t -> actual.add(topicName(t)));
        expected.stream().filter(t -> !actual.contains(t)).forEach(t -> problems.add("no KafkaTopic for " + t));
        actual.stream().filter(t -> !expected.contains(t)).forEach(t -> problems.add("KafkaTopic " + t + " is not in the event contract"));
        return problems;
    }

    /** Replication fits the brokers, and a write needs more than one replica wherever there is more than one. */
    public static List<String> topicSettings(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        String cluster = kafka(manifests).path("metadata").path("name").asText();
        int brokers = nodes(manifests, "broker");
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            String name = topicName(topic);
            JsonNode spec = topic.path("spec");
            int replicas = spec.path("replicas").asInt();
            int minInSync = spec.path("config").path("min.insync.replicas").asInt(-1);
            if (!cluster.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problems.add("KafkaTopic " + name + " is not labelled for cluster " + cluster);
            }
            if (spec.path("partitions").asInt() < 1) {
                problems.add("KafkaTopic " + name + " has no partitions");
            }
            if (replicas < 1 || replicas > brokers) {
                problems.add("KafkaTopic " + name + " wants " + replicas + " replicas on " + brokers + " brokers");
            }
            int wanted = replicas > 1 ? replicas - 1 : 1;
            if (minInSync != wanted) {
                problems.add("KafkaTopic " + name + ": min.insync.replicas " + minInSync + " with " + replicas
                        + " replicas (want " + wanted + ")");
            }
            if (!spec.path("config").has("retention.ms")) {
                problems.add("KafkaTopic " + name + " sets no retention");
            }
        }
        return problems;
    }

    /** One KafkaUser per service, allowed exactly what its configuration uses, and the pods log in as it. */
    public static List<String> usersAndAcls(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        JsonNode kafka = kafka(manifests);
        String cluster = kafka.path("metadata").path("name").asText();
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").path(0);
        Set<String> services = new TreeSet<>();
        for (ServiceModule module : ServiceModule.all()) {
            if (!module.isPlatformService()) {
                continue;
            }
            services.add(module.name());
            var user = manifests.find("KafkaUser", module.name());
            if (user.isEmpty()) {
                problems.add("no KafkaUser for " + module.name());
                continue;
            }
            Set<String> expected = expectedAcls(module);
            Set<String> actual = acls(user.get());
            if (!expected.equals(actual)) {
                problems.add("KafkaUser " + module.name() + " ACLs " + actual + " differ from what it uses " + expected);
            }
            if (!listener.path("authentication").path("type").asText().equals(user.get().path("spec").path("authentication").path("type").asText())) {
                problems.add("KafkaUser " + module.name() + " authenticates differently from the listener");
            }
            manifests.deployment(module.name()).ifPresent(d -> problems.addAll(clientSettings(manifests, d, cluster, listener)));
        }
        manifests.ofKind("KafkaUser").stream().map(u -> u.path("metadata").path("name").asText())
                .filter(name -> !services.contains(name)).forEach(name -> problems.add("KafkaUser " + name + " belongs to no service"));
        return problems;
    }

    private static Set<String> expectedAcls(ServiceModule module) {
        Set<String> acls = new TreeSet<>();
        if (module.publishesEvents()) {
            String own = EventContract.topicPublishedBy(module.name())
                    .orElseThrow(() -> new AssertionError("The event contract names no topic published by " + module.name()));
            acls.add("topic " + own + " Write");
            acls.add("topic " + own + " Describe");
        }
        for (String topic : module.consumedTopics()) {
            acls.add("topic " + topic + " Read");
            acls.add("topic " + topic + " Describe");
        }
        module.consumerGroup().ifPresent(group -> {
            acls.add("group " + group + " Read");
            acls.add("topic " + EventContract.deadLetterTopic(group) + " Write");
            acls.add("topic " + EventContract.deadLetterTopic(group) + " Describe");
        });
        return acls;
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            String target = resource.path("type").asText() + " " + resource.path("name").asText();
            if (!"literal".equals(resource.path("patternType").asText("literal"))) {
                target += " (" + resource.path("patternType").asText() + ")";
            }
            for (JsonNode operation : acl.path("operations")) {
                acls.add(target + " " + operation.asText());
            }
        }
        return acls;
    }

    /** Bootstrap address, TLS and SCRAM settings, and the credentials of the service's own KafkaUser. */
    private static List<String> clientSettings(Manifests manifests, Deployment deployment, String cluster, JsonNode listener) {
        String name = deployment.getMetadata().getName();
        List<String> problems = new ArrayList<>();
        Map<String, String> env = Workloads.environment(deployment, manifests);
        String bootstrap = cluster + "-kafka-bootstrap:" + listener.path("port").asInt();
        expect(problems, name, env, "KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        expect(problems, name, env, "KAFKA_SECURITY_PROTOCOL", listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT");
        expect(problems, name, env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        secretRef(problems, deployment, "KAFKA_SASL_JAAS_CONFIG", name, "sasl.jaas.config");
        if (listener.path("tls").asBoolean()) {
            expect(problems, name, env, "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            secretRef(problems, deployment, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES", cluster + "-cluster-ca-cert", "ca.crt");
        }
        for (JsonNode peer : listener.path("networkPolicyPeers")) {
            Map<String, String> wanted = Manifests.SERIALIZATION.convertValue(peer.path("podSelector").path("matchLabels"), Map.class);
            if (!Workloads.podLabels(deployment).entrySet().containsAll(wanted.entrySet())) {
                problems.add(name + "'s pods lack the labels " + wanted + " that the Kafka listener admits");
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String name, Map<String, String> env, String variable, String value) {
        if (!value.equals(env.get(variable))) {
            problems.add(name + ": " + variable + " is " + env.get(variable) + ", expected " + value);
        }
    }

    private static void secretRef(List<String> problems, Deployment deployment, String variable, String secret, String key) {
        boolean ok = Workloads.container(deployment).getEnv().stream().filter(v -> v.getName().equals(variable))
                .map(EnvVar::getValueFrom).filter(f -> f != null && f.getSecretKeyRef() != null).map(f -> f.getSecretKeyRef())
                .anyMatch(ref -> ref.getName().equals(secret) && ref.getKey().equals(key));
        if (!ok) {
            problems.add(deployment.getMetadata().getName() + ": " + variable + " must come from key " + key + " of Secret " + secret);
        }
    }

    static JsonNode kafka(Manifests manifests) {
        List<JsonNode> clusters = manifests.ofKind("Kafka");
        if (clusters.size() != 1) {
            throw new AssertionError("expected one Kafka cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }

    /** Kafka nodes with the given role ("broker" or "controller") over all node pools. */
    static int nodes(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> StreamSupport.stream(pool.path("spec").path("roles").spliterator(), false).anyMatch(r -> r.asText().equals(role)))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
    }
}
