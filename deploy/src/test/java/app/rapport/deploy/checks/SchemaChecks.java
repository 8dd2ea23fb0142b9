package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.Manifests.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every rendered document is a Kubernetes object: built-in kinds parse into their fabric8 model classes
 * with no field the model does not know (a misspelt field would be silently ignored by the API server's
 * pruning, or refused); operator kinds are ones we know, at the expected apiVersion, with their required fields.
 */
public final class SchemaChecks {

    private record OperatorKind(String apiVersion, String kind, List<String> required) {
    }

    private static final List<OperatorKind> OPERATOR_KINDS = List.of(
            new OperatorKind("kafka.strimzi.io/v1beta2", "Kafka", List.of("spec/kafka/listeners/0/name", "spec/kafka/listeners/0/port",
                    "spec/kafka/listeners/0/type", "spec/kafka/listeners/0/tls", "spec/entityOperator")),
            new OperatorKind("kafka.strimzi.io/v1beta2", "KafkaNodePool", List.of("metadata/labels/strimzi.io~1cluster", "spec/replicas",
                    "spec/roles/0", "spec/storage/type")),
            new OperatorKind("kafka.strimzi.io/v1beta2", "KafkaTopic", List.of("metadata/labels/strimzi.io~1cluster", "spec/partitions",
                    "spec/replicas")),
            new OperatorKind("kafka.strimzi.io/v1beta2", "KafkaUser", List.of("metadata/labels/strimzi.io~1cluster",
                    "spec/authentication/type")),
            new OperatorKind("postgresql.cnpg.io/v1", "Cluster", List.of("spec/instances", "spec/storage/size",
                    "spec/bootstrap/initdb/database", "spec/bootstrap/initdb/owner")),
            new OperatorKind("postgresql.cnpg.io/v1", "ScheduledBackup", List.of("spec/schedule", "spec/cluster/name", "spec/method")),
            new OperatorKind("barmancloud.cnpg.io/v1", "ObjectStore", List.of("spec/configuration/destinationPath")),
            new OperatorKind("k8s.keycloak.org/v2alpha1", "Keycloak", List.of("spec/db/vendor", "spec/db/host", "spec/hostname/hostname")),
            new OperatorKind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", List.of("spec/keycloakCRName", "spec/realm/realm")));

    private SchemaChecks() {
    }

    public static List<String> typedObjects(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            if (manifest.name().isEmpty()) {
                problems.add(manifest.kind() + " without a name");
            }
            if (manifest.typed() instanceof GenericKubernetesResource) {
                operatorResource(problems, manifest);
            } else {
                unknownFields(manifest.typed(), manifest.describe(), problems);
            }
        }
        return problems;
    }

    private static void operatorResource(List<String> problems, Manifest manifest) {
        var known = OPERATOR_KINDS.stream().filter(k -> k.kind().equals(manifest.kind())).findFirst();
        if (known.isEmpty()) {
            problems.add(manifest.describe() + ": " + manifest.apiVersion() + " is neither a Kubernetes model nor a known operator kind");
            return;
        }
        if (!known.get().apiVersion().equals(manifest.apiVersion())) {
            problems.add(manifest.describe() + " uses " + manifest.apiVersion() + ", expected " + known.get().apiVersion());
        }
        for (String field : known.get().required()) {
            JsonNode value = manifest.raw().at("/" + field);
            if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                problems.add(manifest.describe() + " lacks required field " + field.replace("~1", "/"));
            }
        }
    }

    /** Walks the fabric8 object graph; model classes keep fields they do not know in additionalProperties. */
    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (node instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    unknownFields(item, path + "[" + i++ + "]", problems);
                }
            } else if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + property(getter), problems);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
