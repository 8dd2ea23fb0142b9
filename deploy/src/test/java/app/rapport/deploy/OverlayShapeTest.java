package app.rapport.deploy;

import app.rapport.deploy.checks.OverlayShapeChecks;
import app.rapport.deploy.support.Kustomize;
import org.junit.jupiter.api.Test;

import static app.rapport.deploy.support.Violations.assertNone;

class OverlayShapeTest {

    @Test
    void developmentRunsOneSmallReplicaOfEverything() {
        assertNone("deploy/overlays/dev", OverlayShapeChecks.development(Kustomize.build("deploy/overlays/dev")));
    }

    @Test
    void productionIsHighlyAvailable() {
        assertNone("deploy/overlays/prod", OverlayShapeChecks.production(Kustomize.build("deploy/overlays/prod")));
    }
}
