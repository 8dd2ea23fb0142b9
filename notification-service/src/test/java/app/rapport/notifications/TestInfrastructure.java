package app.rapport.notifications;

import app.rapport.devkit.testing.RapportServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL (database "notifications"), the real Kafka broker and the development token issuer. */
@QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
