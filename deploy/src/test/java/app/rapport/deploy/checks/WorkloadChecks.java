package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every Rapport Deployment: probes on the health endpoints of the management port, resources, pod security. */
public final class WorkloadChecks {

    private WorkloadChecks() {
    }

    public static List<String> everyWorkloadDeployed(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (String workload : ServiceModule.WORKLOADS) {
            if (manifests.deployment(workload).isEmpty()) {
                problems.add("no Deployment for " + workload);
            }
        }
        manifests.deployments().stream().map(d -> d.getMetadata().getName())
                .filter(name -> !ServiceModule.WORKLOADS.contains(name))
                .forEach(name -> problems.add("Deployment " + name + " is not a known Rapport workload"));
        return problems;
    }

    public static List<String> probes(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            // Health is served on the management port only; the public port answers 404 for /q/*.
            int port = ServiceModule.load(name).managementPort(Workloads.environment(deployment, manifests));
            Container container = Workloads.container(deployment);
            checkProbe(problems, deployment, "startupProbe", container.getStartupProbe(), "/q/health/started", port);
            checkProbe(problems, deployment, "livenessProbe", container.getLivenessProbe(), "/q/health/live", port);
            checkProbe(problems, deployment, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", port);
        }
        return problems;
    }

    private static void checkProbe(List<String> problems, Deployment deployment, String kind, Probe probe, String path, int port) {
        String name = deployment.getMetadata().getName();
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(name + ": no HTTP " + kind);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(name + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
        var probePort = Workloads.containerPort(deployment, probe.getHttpGet().getPort());
        if (probePort.isEmpty() || probePort.get() != port) {
            problems.add(name + ": " + kind + " port " + Workloads.describe(probe.getHttpGet().getPort()) + " is not the configured management port " + port);
        }
    }

    public static List<String> resources(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            var resources = Workloads.container(deployment).getResources();
            Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
            Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = requests.get(resource);
                Quantity limit = limits.get(resource);
                if (request == null || limit == null) {
                    problems.add(name + ": " + resource + " request and limit must both be set");
                } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(name + ": " + resource + " request " + request + " exceeds its limit " + limit);
                }
            }
        }
        return problems;
    }

    public static List<String> podSecurity(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (podContext == null || !Boolean.TRUE.equals(podContext.getRunAsNonRoot())) {
                problems.add(name + ": pod must run as non-root (runAsNonRoot)");
            }
            if (podContext == null || podContext.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podContext.getSeccompProfile().getType())) {
                problems.add(name + ": pod needs the RuntimeDefault seccomp profile");
            }
            if (podContext != null && podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
                problems.add(name + ": pod runs as user 0");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(name + ": pod shares a host namespace");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(name + ": mounts a service account token it does not need");
            }
            containerSecurity(problems, name, Workloads.container(deployment));
            writableTmp(problems, name, pod);
        }
        return problems;
    }

    private static void containerSecurity(List<String> problems, String name, Container container) {
        SecurityContext context = container.getSecurityContext();
        if (context == null) {
            problems.add(name + ": container has no securityContext");
            return;
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            problems.add(name + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            problems.add(name + ": container is privileged");
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            problems.add(name + ": root filesystem must be read-only");
        }
        var capabilities = context.getCapabilities();
        if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
            problems.add(name + ": must drop ALL capabilities");
        }
        if (capabilities != null && !capabilities.getAdd().isEmpty()) {
            problems.add(name + ": adds capabilities " + capabilities.getAdd());
        }
        if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
            problems.add(name + ": container runs as user 0");
        }
    }

    /** A read-only root still needs a writable /tmp (JVM, Vert.x caches): an emptyDir. */
    private static void writableTmp(List<String> problems, String name, PodSpec pod) {
        var tmpMount = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst();
        boolean emptyDir = tmpMount.flatMap(m -> pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())).findFirst())
                .map(Volume::getEmptyDir).isPresent();
        if (!emptyDir || tmpMount.get().getReadOnly() == Boolean.TRUE) {
            problems.add(name + ": needs a writable emptyDir at /tmp");
        }
    }
}
