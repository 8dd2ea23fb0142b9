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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static app.rapport.deploy.support.Violations.assertNone;

/** Renders each overlay with kubectl kustomize and checks what docs/operations.md and the code promise. */
class OverlayValidationTest {

    private static Manifests render(String overlay) {
        return Kustomize.build(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void everyDocumentIsATypedKubernetesObject(String overlay) {
        assertNone(overlay, SchemaChecks.typedObjects(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void everyWorkloadIsDeployed(String overlay) {
        assertNone(overlay, WorkloadChecks.everyWorkloadDeployed(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void probesAskTheHealthEndpointsOnTheConfiguredPort(String overlay) {
        assertNone(overlay, WorkloadChecks.probes(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void everyContainerHasResourceRequestsAndLimits(String overlay) {
        assertNone(overlay, WorkloadChecks.resources(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void podsRunNonRootReadOnlyWithoutPrivileges(String overlay) {
        assertNone(overlay, WorkloadChecks.podSecurity(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void servicesSelectTheirPodsAndTargetTheConfiguredPort(String overlay) {
        assertNone(overlay, ServiceChecks.selectorsAndPorts(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void referencedConfigMapAndSecretKeysAreDefinedOrDocumented(String overlay) {
        assertNone(overlay, ConfigReferenceChecks.references(render(overlay), OperationsGuide.read()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void everyVariableIsInTheConfigurationReference(String overlay) {
        assertNone(overlay, ConfigReferenceChecks.variablesDocumented(render(overlay), OperationsGuide.read()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void workloadsGetEverySettingTheyCannotStartWithout(String overlay) {
        assertNone(overlay, ConfigReferenceChecks.requiredVariablesProvided(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void noSecretValueIsCommitted(String overlay) {
        assertNone(overlay, ConfigReferenceChecks.noSecretValues(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void kafkaTopicsAreExactlyTheEventContractsAndDeadLetterTopics(String overlay) {
        assertNone(overlay, KafkaChecks.topicsMatchContract(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void kafkaTopicReplicationFitsTheBrokers(String overlay) {
        assertNone(overlay, KafkaChecks.topicSettings(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void eachServiceIsAKafkaUserAllowedOnlyWhatItUses(String overlay) {
        assertNone(overlay, KafkaChecks.usersAndAcls(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void networkPoliciesAllowTheDocumentedFlowsAndNothingElse(String overlay) {
        assertNone(overlay, NetworkChecks.flows(render(overlay), OperationsGuide.read()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void ingressRoutesEachApiPathToTheServiceThatServesIt(String overlay) {
        assertNone(overlay, IngressChecks.apiRouting(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void imagesArePinnedAndSetByTheOverlay(String overlay) {
        Manifests manifests = render(overlay);
        assertNone(overlay, ImageChecks.pinned(manifests));
        assertNone(overlay, ImageChecks.setByOverlay(manifests, overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void eachServiceUsesItsOwnDatabaseOverVerifiedTls(String overlay) {
        assertNone(overlay, DatabaseChecks.ownDatabases(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void everyDatabaseIsBackedUp(String overlay) {
        assertNone(overlay, DatabaseChecks.backups(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void realmGivesTheServicesTheirRolesAndClaims(String overlay) {
        assertNone(overlay, IdentityChecks.realm(render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/prod"})
    void issuerKeysAndSignInPointAtTheRealm(String overlay) {
        assertNone(overlay, IdentityChecks.endpoints(render(overlay)));
    }
}
