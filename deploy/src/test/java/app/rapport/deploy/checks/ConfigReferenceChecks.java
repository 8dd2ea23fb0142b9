package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.OperationsGuide;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration the pods are given: every ConfigMap or Secret key a manifest references exists in the
 * manifests or is documented in docs/operations.md ("Secrets"), every variable is in the configuration
 * reference, nothing a workload cannot start without is missing, and no secret value is committed.
 */
public final class ConfigReferenceChecks {

    /** Connection settings that only development profiles set: production must pass them in. */
    private static final List<String> PLATFORM_CONNECTION = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");

    private ConfigReferenceChecks() {
    }

    public static List<String> references(Manifests manifests, OperationsGuide guide) {
        Map<String, Set<String>> documentedSecrets = documentedSecrets(guide);
        Map<String, Set<String>> definedSecrets = new HashMap<>();
        manifests.typed(Secret.class).forEach(s -> definedSecrets.put(s.getMetadata().getName(), keys(s)));
        References refs = new References(manifests, definedSecrets, documentedSecrets);
        for (Deployment deployment : manifests.deployments()) {
            String where = deployment.getMetadata().getName();
            Container container = Workloads.container(deployment);
            for (EnvVar variable : container.getEnv()) {
                var from = variable.getValueFrom();
                if (from != null && from.getConfigMapKeyRef() != null) {
                    refs.configMapKey(where, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
                }
                if (from != null && from.getSecretKeyRef() != null) {
                    refs.secretKey(where, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    refs.configMap(where, source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                    refs.secret(where, source.getSecretRef().getName());
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    refs.secret(where, volume.getSecret().getSecretName());
                    for (KeyToPath item : volume.getSecret().getItems()) {
                        refs.secretKey(where, volume.getSecret().getSecretName(), item.getKey());
                    }
                }
                if (volume.getConfigMap() != null) {
                    refs.configMap(where, volume.getConfigMap().getName());
                }
            }
        }
        for (Ingress ingress : manifests.typed(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                refs.secretKey("Ingress " + ingress.getMetadata().getName(), tls.getSecretName(), "tls.crt");
                refs.secretKey("Ingress " + ingress.getMetadata().getName(), tls.getSecretName(), "tls.key");
            }
        }
        operatorSecretReferences(manifests, refs);
        return refs.problems;
    }

    /** Secrets the operator resources read: Keycloak's database login, the backup store's credentials. */
    private static void operatorSecretReferences(Manifests manifests, References refs) {
        for (JsonNode keycloak : manifests.ofKind("Keycloak")) {
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = keycloak.path("spec").path("db").path(field);
                refs.secretKey("Keycloak db." + field, ref.path("name").asText(), ref.path("key").asText());
            }
        }
        for (JsonNode store : manifests.ofKind("ObjectStore")) {
            store.path("spec").path("configuration").path("s3Credentials").fields().forEachRemaining(entry ->
                    refs.secretKey("ObjectStore " + entry.getKey(), entry.getValue().path("name").asText(),
                            entry.getValue().path("key").asText()));
        }
    }

    public static List<String> variablesDocumented(Manifests manifests, OperationsGuide guide) {
        Map<String, List<String>> usedBy = new HashMap<>();
        for (Map<String, String> row : guide.table("Configuration reference")) {
            usedBy.put(row.get("variable"), OperationsGuide.list(row.get("used by")));
        }
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String workload = deployment.getMetadata().getName();
            boolean platformService = ServiceModule.load(workload).isPlatformService();
            for (String variable : Workloads.variableSources(deployment, manifests).keySet()) {
                List<String> users = usedBy.get(variable);
                boolean covered = users != null && (users.contains(workload) || (platformService && users.contains("every service")));
                if (!covered) {
                    problems.add(workload + " is given " + variable + ", which the configuration reference in "
                            + OperationsGuide.PATH + " does not list for it");
                }
            }
        }
        return problems;
    }

    public static List<String> requiredVariablesProvided(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            ServiceModule module = ServiceModule.load(deployment.getMetadata().getName());
            Set<String> required = new HashSet<>(module.requiredEnvironment());
            if (module.isPlatformService()) {
                required.addAll(PLATFORM_CONNECTION);
            }
            Set<String> given = Workloads.variableSources(deployment, manifests).keySet();
            required.stream().filter(name -> !given.contains(name)).sorted()
                    .forEach(name -> problems.add(module.name() + " cannot start without " + name + ", which it is not given"));
        }
        return problems;
    }

    public static List<String> noSecretValues(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        manifests.typed(Secret.class).forEach(s -> problems.add("Secret " + s.getMetadata().getName()
                + " is committed with its values; reference it and document its keys instead"));
        for (ConfigMap configMap : manifests.typed(ConfigMap.class)) {
            configMap.getData().keySet().stream().filter(key -> key.matches("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|PRIVATE).*"))
                    .forEach(key -> problems.add("ConfigMap " + configMap.getMetadata().getName() + " holds " + key
                            + ", which belongs in a Secret"));
        }
        return problems;
    }

    private static Map<String, Set<String>> documentedSecrets(OperationsGuide guide) {
        Map<String, Set<String>> documented = new HashMap<>();
        for (Map<String, String> row : guide.table("Secrets")) {
            for (String secret : OperationsGuide.list(row.get("secret"))) {
                documented.computeIfAbsent(secret, s -> new HashSet<>()).addAll(OperationsGuide.list(row.get("keys")));
            }
        }
        return documented;
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new HashSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    /** Collects what a reference names that neither the manifests define nor the guide documents. */
    private static final class References {
        private final Manifests manifests;
        private final Map<String, Set<String>> defined;
        private final Map<String, Set<String>> documented;
        private final List<String> problems = new ArrayList<>();

        References(Manifests manifests, Map<String, Set<String>> defined, Map<String, Set<String>> documented) {
            this.manifests = manifests;
            this.defined = defined;
            this.documented = documented;
        }

        void configMap(String where, String name) {
            if (manifests.configMap(name).isEmpty()) {
                problems.add(where + " reads ConfigMap " + name + ", which the manifests do not define");
            }
        }

        void configMapKey(String where, String name, String key) {
            var configMap = manifests.configMap(name);
            if (configMap.isEmpty() || !configMap.get().getData().containsKey(key)) {
                problems.add(where + " reads key " + key + " of ConfigMap " + name + ", which the manifests do not define");
            }
        }

        void secret(String where, String name) {
            if (!defined.containsKey(name) && !documented.containsKey(name)) {
                problems.add(where + " reads Secret " + name + ", which is neither defined nor documented in "
                        + OperationsGuide.PATH);
            }
        }

        void secretKey(String where, String name, String key) {
            boolean known = defined.getOrDefault(name, Set.of()).contains(key) || documented.getOrDefault(name, Set.of()).contains(key);
            if (!known) {
                problems.add(where + " reads key " + key + " of Secret " + name + ", which is neither defined nor documented in "
                        + OperationsGuide.PATH);
            }
        }
    }
}
