package app.rapport.clients;

import app.rapport.clients.support.PeerServicesStub;
import app.rapport.devkit.testing.RapportServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real PostgreSQL (database "clients"), the real Kafka broker and the development token issuer for every test here,
 * and stand-ins for the other services whose parts the export and audit view compose.
 */
@QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "clients"))
@QuarkusTestResource(PeerServicesStub.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
