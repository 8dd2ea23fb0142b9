package app.rapport.deploy.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading a Deployment the way its pods will see it. */
public final class Workloads {

    private Workloads() {
    }

    public static Container container(Deployment deployment) {
        var containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " should run exactly one container");
        }
        return containers.get(0);
    }

    public static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** Literal environment of the container: its ConfigMaps (envFrom) overlaid by its own env values. */
    public static Map<String, String> environment(Deployment deployment, Manifests manifests) {
        Container container = container(deployment);
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                manifests.configMap(source.getConfigMapRef().getName()).map(ConfigMap::getData).ifPresent(environment::putAll);
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    /** Every variable name the container gets, whether literal or from a Secret. */
    public static Map<String, String> variableSources(Deployment deployment, Manifests manifests) {
        Map<String, String> sources = new LinkedHashMap<>();
        environment(deployment, manifests).keySet().forEach(name -> sources.put(name, "value"));
        for (EnvVar variable : container(deployment).getEnv()) {
            if (variable.getValueFrom() != null) {
                sources.put(variable.getName(), "reference");
            }
        }
        return sources;
    }

    /** A port as written: its number or its name. */
    public static String describe(IntOrString port) {
        return port == null ? "none" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    /** The container port a probe, Service or Ingress names (by number or by port name). */
    public static Optional<Integer> containerPort(Deployment deployment, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return container(deployment).getPorts().stream()
                .filter(p -> port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
    }
}
