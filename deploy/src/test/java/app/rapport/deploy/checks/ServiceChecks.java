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

/** Services select exactly their workload's pods and send traffic to the port the workload listens on. */
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
            int configured = ServiceModule.load(deployment.getMetadata().getName())
                    .httpPort(Workloads.environment(deployment, manifests));
            for (ServicePort port : service.getSpec().getPorts()) {
                var target = Workloads.containerPort(deployment, port.getTargetPort());
                if (target.isEmpty()) {
                    problems.add("Service " + name + " targets port " + Workloads.describe(port.getTargetPort()) + ", which "
                            + deployment.getMetadata().getName() + "'s container does not declare");
                } else if (target.get() != configured) {
                    problems.add("Service " + name + " targets container port " + target.get()
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
            int configured = ServiceModule.load(deployment.getMetadata().getName())
                    .httpPort(Workloads.environment(deployment, manifests));
            boolean declared = Workloads.container(deployment).getPorts().stream().anyMatch(p -> p.getContainerPort() == configured);
            if (!declared) {
                problems.add(deployment.getMetadata().getName() + " does not declare its configured HTTP port " + configured);
            }
        }
        return problems;
    }
}
