package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudNativePG: each service connects, over verified TLS and with the operator's credentials, to its own
 * cluster and database; every cluster archives WAL and has a scheduled backup to a defined object store.
 */
public final class DatabaseChecks {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)\\?(.*)");

    private DatabaseChecks() {
    }

    public static List<String> ownDatabases(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ServiceModule module : ServiceModule.all()) {
            if (!module.isPlatformService()) {
                continue;
            }
            Optional<Deployment> deployment = manifests.deployment(module.name());
            if (deployment.isEmpty()) {
                continue;
            }
            String url = Workloads.environment(deployment.get(), manifests).getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
            Matcher m = JDBC.matcher(url);
            if (!m.matches() || !m.group(1).endsWith("-rw")) {
                problems.add(module.name() + ": JDBC URL " + url + " does not name a CloudNativePG read-write service");
                continue;
            }
            String cluster = m.group(1).substring(0, m.group(1).length() - "-rw".length());
            if (!used.add(cluster)) {
                problems.add(module.name() + " shares cluster " + cluster + " with another service");
            }
            Optional<JsonNode> definition = manifests.find("Cluster", cluster);
            if (definition.isEmpty()) {
                problems.add(module.name() + " connects to cluster " + cluster + ", which is not defined");
                continue;
            }
            String database = definition.get().path("spec").path("bootstrap").path("initdb").path("database").asText();
            if (!database.equals(m.group(3))) {
                problems.add(module.name() + " opens database " + m.group(3) + " but cluster " + cluster + " creates " + database);
            }
            credentials(problems, deployment.get(), cluster);
            tls(problems, deployment.get(), cluster, m.group(4));
        }
        return problems;
    }

    private static void credentials(List<String> problems, Deployment deployment, String cluster) {
        for (String[] wanted : new String[][] {{"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
            Optional<SecretKeySelector> ref = Workloads.container(deployment).getEnv().stream()
                    .filter(v -> v.getName().equals(wanted[0])).map(EnvVar::getValueFrom).filter(Objects::nonNull)
                    .map(f -> f.getSecretKeyRef()).filter(Objects::nonNull).findFirst();
            if (ref.isEmpty() || !ref.get().getName().equals(cluster + "-app") || !ref.get().getKey().equals(wanted[1])) {
                problems.add(deployment.getMetadata().getName() + ": " + wanted[0] + " must come from key " + wanted[1]
                        + " of the operator's Secret " + cluster + "-app");
            }
        }
    }

    /** sslmode=verify-full with the cluster's CA certificate mounted where the URL says. */
    private static void tls(List<String> problems, Deployment deployment, String cluster, String query) {
        String name = deployment.getMetadata().getName();
        if (!query.contains("sslmode=verify-full")) {
            problems.add(name + ": the database connection does not verify the server (sslmode=verify-full)");
        }
        Matcher root = Pattern.compile("sslrootcert=([^&]+)").matcher(query);
        if (!root.find()) {
            problems.add(name + ": no sslrootcert for the database CA");
            return;
        }
        String file = root.group(1);
        var pod = deployment.getSpec().getTemplate().getSpec();
        boolean mounted = Workloads.container(deployment).getVolumeMounts().stream()
                .filter(mount -> file.startsWith(mount.getMountPath() + "/"))
                .anyMatch(mount -> pod.getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName()) && v.getSecret() != null
                        && v.getSecret().getSecretName().equals(cluster + "-ca")
                        && v.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt")
                        && file.equals(mount.getMountPath() + "/" + i.getPath()))));
        if (!mounted) {
            problems.add(name + ": " + file + " is not the ca.crt of Secret " + cluster + "-ca");
        }
    }

    public static List<String> backups(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> stores = new HashSet<>();
        manifests.ofKind("ObjectStore").forEach(s -> stores.add(s.path("metadata").path("name").asText()));
        Set<String> scheduled = new HashSet<>();
        for (JsonNode backup : manifests.ofKind("ScheduledBackup")) {
            String name = backup.path("metadata").path("name").asText();
            scheduled.add(backup.path("spec").path("cluster").path("name").asText());
            if (backup.path("spec").path("schedule").asText().trim().split("\\s+").length != 6) {
                problems.add("ScheduledBackup " + name + ": the schedule needs six fields (seconds first)");
            }
            if (manifests.find("Cluster", backup.path("spec").path("cluster").path("name").asText()).isEmpty()) {
                problems.add("ScheduledBackup " + name + " names a cluster that does not exist");
            }
        }
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode plugin = cluster.path("spec").path("plugins").path(0);
            if (!plugin.path("isWALArchiver").asBoolean() || !stores.contains(plugin.path("parameters").path("barmanObjectName").asText())) {
                problems.add("Cluster " + name + " does not archive WAL to a defined ObjectStore");
            }
            if (!scheduled.contains(name)) {
                problems.add("Cluster " + name + " has no ScheduledBackup");
            }
        }
        return problems;
    }
}
