package app.rapport.deploy;

import app.rapport.deploy.checks.ConfigReferenceChecks;
import app.rapport.deploy.checks.DatabaseChecks;
import app.rapport.deploy.checks.IdentityChecks;
import app.rapport.deploy.checks.ImageChecks;
import app.rapport.deploy.checks.IngressChecks;
import app.rapport.deploy.checks.KafkaChecks;
import app.rapport.deploy.checks.NetworkChecks;
import app.rapport.deploy.checks.SchemaChecks;
import app.rapport.deploy.checks.ServiceChecks;
import app.rapport.deploy.checks.WorkloadChecks;
import app.rapport.deploy.support.Kustomize;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.OperationsGuide;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static app.rapport.deploy.support.Violations.assertNone;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Renders each overlay with kubectl kustomize and runs every check on it, each as its own test that
 * fails with the list of breaches.
 */
class OverlayValidationTest {

    private static final List<String> OVERLAYS = List.of("deploy/overlays/dev", "deploy/overlays/prod");

    /** Check name to check; a check gets the overlay's directory and its rendering. */
    private static final Map<String, BiFunction<String, Manifests, List<String>>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("every document is a typed Kubernetes object", (overlay, m) -> SchemaChecks.typedObjects(m));
        CHECKS.put("every workload is deployed", (overlay, m) -> WorkloadChecks.everyWorkloadDeployed(m));
        CHECKS.put("probes ask the health endpoints on the configured management port", (overlay, m) -> WorkloadChecks.probes(m));
        CHECKS.put("every container has resource requests and limits", (overlay, m) -> WorkloadChecks.resources(m));
        CHECKS.put("pods run non-root, read-only, without privileges", (overlay, m) -> WorkloadChecks.podSecurity(m));
        CHECKS.put("services select their pods and target the configured port", (overlay, m) -> ServiceChecks.selectorsAndPorts(m));
        CHECKS.put("referenced ConfigMap and Secret keys are defined or documented",
                (overlay, m) -> ConfigReferenceChecks.references(m, OperationsGuide.read()));
        CHECKS.put("every variable is in the configuration reference",
                (overlay, m) -> ConfigReferenceChecks.variablesDocumented(m, OperationsGuide.read()));
        CHECKS.put("workloads get every setting they cannot start without", (overlay, m) -> ConfigReferenceChecks.requiredVariablesProvided(m));
        CHECKS.put("no secret value is committed", (overlay, m) -> ConfigReferenceChecks.noSecretValues(m));
        CHECKS.put("KafkaTopics are exactly the event contract's and dead-letter topics", (overlay, m) -> KafkaChecks.topicsMatchContract(m));
        CHECKS.put("topic replication fits the brokers", (overlay, m) -> KafkaChecks.topicSettings(m));
        CHECKS.put("each service is a KafkaUser allowed only what it uses", (overlay, m) -> KafkaChecks.usersAndAcls(m));
        CHECKS.put("network policies allow the documented flows and nothing else",
                (overlay, m) -> NetworkChecks.flows(m, OperationsGuide.read()));
        CHECKS.put("the Ingress routes each API path to the service that serves it", (overlay, m) -> IngressChecks.apiRouting(m));
        CHECKS.put("absolute URLs start with the Ingress origin", (overlay, m) -> IngressChecks.publicBaseUrl(m));
        CHECKS.put("no Ingress routes to a management port", (overlay, m) -> IngressChecks.managementNotRouted(m));
        CHECKS.put("only monitoring reaches the management ports", (overlay, m) -> NetworkChecks.managementOnlyFromMonitoring(m));
        CHECKS.put("images are pinned", (overlay, m) -> ImageChecks.pinned(m));
        CHECKS.put("the overlay sets every image", (overlay, m) -> ImageChecks.setByOverlay(m, overlay));
        CHECKS.put("each service uses its own database over verified TLS", (overlay, m) -> DatabaseChecks.ownDatabases(m));
        CHECKS.put("every database is backed up", (overlay, m) -> DatabaseChecks.backups(m));
        CHECKS.put("the realm gives the services their roles and claims", (overlay, m) -> IdentityChecks.realm(m));
        CHECKS.put("issuer, keys and sign-in point at the realm", (overlay, m) -> IdentityChecks.endpoints(m));
    }

    @TestFactory
    Stream<DynamicContainer> everyCheckOnEveryOverlay() {
        return OVERLAYS.stream().map(overlay -> dynamicContainer(overlay, CHECKS.entrySet().stream().map(check ->
                dynamicTest(check.getKey(), () -> assertNone(overlay, check.getValue().apply(overlay, Kustomize.build(overlay)))))));
    }
}
