package app.rapport.deploy;

import app.rapport.deploy.checks.ConfigReferenceChecks;
import app.rapport.deploy.checks.DatabaseChecks;
import app.rapport.deploy.checks.IdentityChecks;
import app.rapport.deploy.checks.ImageChecks;
import app.rapport.deploy.checks.IngressChecks;
import app.rapport.deploy.checks.KafkaChecks;
import app.rapport.deploy.checks.NetworkChecks;
import app.rapport.deploy.checks.OverlayShapeChecks;
import app.rapport.deploy.checks.SchemaChecks;
import app.rapport.deploy.checks.ServiceChecks;
import app.rapport.deploy.checks.WorkloadChecks;
import app.rapport.deploy.support.Kustomize;
import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.OperationsGuide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fixture under src/test/resources/broken/ is a valid overlay with one deliberate breach on top of
 * dev or prod; the check responsible must report exactly that breach, so a check that passes everything
 * cannot go unnoticed.
 */
class BrokenManifestTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                breach("missing-readiness-probe", WorkloadChecks::probes, "client-service: no HTTP readinessProbe"),
                breach("probe-on-wrong-port", WorkloadChecks::probes, "session-service: livenessProbe port 9000 is not the configured management port 9082"),
                breach("probe-on-public-port", WorkloadChecks::probes, "web-client: readinessProbe port http is not the configured management port 9080"),
                breach("management-routed", IngressChecks::managementNotRouted, "Ingress rapport routes /q to the management port of client-service"),
                breach("management-open-to-ingress", NetworkChecks::managementOnlyFromMonitoring,
                        "policies let ingress-controller reach the management port 9083 of alliance-service"),
                breach("management-port-undeclared", ServiceChecks::selectorsAndPorts,
                        "notification-service does not declare its management port 9084"),
                breach("writable-root-filesystem", WorkloadChecks::podSecurity, "alliance-service: root filesystem must be read-only"),
                breach("service-targets-wrong-port", ServiceChecks::selectorsAndPorts, "Service session-service targets port 8080"),
                breach("undocumented-secret", m -> ConfigReferenceChecks.references(m, OperationsGuide.read()),
                        "reads key token of Secret mystery"),
                breach("undocumented-secret", m -> ConfigReferenceChecks.variablesDocumented(m, OperationsGuide.read()),
                        "notification-service is given MYSTERY_TOKEN"),
                breach("missing-jwks-url", ConfigReferenceChecks::requiredVariablesProvided, "cannot start without RAPPORT_JWKS_URL"),
                breach("committed-secret", ConfigReferenceChecks::noSecretValues, "Secret rapport-smtp is committed"),
                breach("topic-outside-contract", KafkaChecks::topicsMatchContract, "KafkaTopic rapport.unknown.v1 is not in the event contract"),
                breach("acl-beyond-use", KafkaChecks::usersAndAcls, "KafkaUser client-service ACLs"),
                breach("open-egress", m -> NetworkChecks.flows(m, OperationsGuide.read()), "policies allow web-client -> public-host:443"),
                breach("dns-blocked", m -> NetworkChecks.flows(m, OperationsGuide.read()), "documented flow web-client -> kube-dns:53/UDP is blocked"),
                breach("misrouted-api", IngressChecks::apiRouting, "/api/v1/sessions routes to client-service, but session-service serves it"),
                breach("latest-image", ImageChecks::pinned, "web-client: image registry.example.org/rapport/web-client:latest uses latest"),
                breach("misspelt-field", SchemaChecks::typedObjects, "unknown field(s) [livenesProbe]"),
                breach("shared-database", DatabaseChecks::ownDatabases, "session-service shares cluster clients-db"),
                breach("backup-missing", DatabaseChecks::backups, "Cluster clients-db has no ScheduledBackup"),
                breach("pkce-off", IdentityChecks::realm, "rapport-web PKCE method is , expected S256"),
                breach("prod-single-replica", OverlayShapeChecks::production, "client-service needs an autoscaler keeping at least 3 replicas"));
    }

    private static Arguments breach(String fixture, Function<Manifests, List<String>> check, String expected) {
        return Arguments.of(fixture, check, expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("fixtures")
    void theResponsibleCheckReportsTheBreach(String fixture, Function<Manifests, List<String>> check, String expected) {
        List<String> problems = check.apply(Kustomize.build("deploy/src/test/resources/broken/" + fixture));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a breach containing '" + expected + "', the check reported: " + problems);
    }
}
