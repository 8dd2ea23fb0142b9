package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.ServiceModule;
import app.rapport.deploy.support.Workloads;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Services select exactly their workload's pods and send traffic to a port the workload listens on: the public
 * HTTP port, and the management port (for Prometheus) under the name {@code management} only.
 */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    public static List<String> selectorsAndPorts(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Service service : manifests.typed(Service.class)) {
            String name = service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add("Service " + name + " selects no pods");
                continue;
            }
            List<Deployment> selected = manifests.deployments().stream()
                    .filter(d -> Workloads.podLabels(d).entrySet().containsAll(selector.entrySet())).toList();
            if (selected.size() != 1) {
                problems.add("Service " + name + " selector " + selector + " matches " + selected.size() + " Deployments, not 1");
                continue;
            }
            Deployment deployment = selected.get(0);
            ServiceModule module = ServiceModule.load(deployment.getMetadata().getName());
            Map<String, String> environment = Workloads.environment(deployment, manifests);
            int configured = module.httpPort(environment);
            int management = module.managementPort(environment);
            for (ServicePort port : service.getSpec().getPorts()) {
                var target = Workloads.containerPort(deployment, port.getTargetPort());
                boolean isManagement = "management".equals(port.getName());
                if (target.isEmpty()) {
                    problems.add("Service " + name + " targets port " + Workloads.describe(port.getTargetPort()) + ", which "
                            + deployment.getMetadata().getName() + "'s container does not declare");
                } else if (isManagement && target.get() != management) {
                    problems.add("Service " + name + " port management targets container port " + target.get()
                            + ", not the configured management port " + management);
                } else if (!isManagement && target.get() != configured) {
                    problems.add("Service " + name + " port " + port.getName() + " targets container port " + target.get()
                            + " but the service listens on its configured HTTP port " + configured);
                }
            }
        }
        for (Deployment deployment : manifests.deployments()) {
            boolean exposed = manifests.typed(Service.class).stream().anyMatch(s -> s.getSpec().getSelector() != null
                    && Workloads.podLabels(deployment).entrySet().containsAll(s.getSpec().getSelector().entrySet()));
            if (!exposed) {
                problems.add("no Service for " + deployment.getMetadata().getName());
            }
            ServiceModule module = ServiceModule.load(deployment.getMetadata().getName());
            Map<String, String> environment = Workloads.environment(deployment, manifests);
            int configured = module.httpPort(environment);
            boolean declared = Workloads.container(deployment).getPorts().stream().anyMatch(p -> p.getContainerPort() == configured);
            if (!declared) {
                problems.add(deployment.getMetadata().getName() + " does not declare its configured HTTP port " + configured);
            }
            int management = module.managementPort(environment);
            boolean managementDeclared = Workloads.container(deployment).getPorts().stream()
                    .anyMatch(p -> p.getContainerPort() == management && "management".equals(p.getName()));
            if (!managementDeclared) {
                problems.add(deployment.getMetadata().getName() + " does not declare its management port " + management
                        + " as the container port named management");
            }
        }
        return problems;
    }
}
