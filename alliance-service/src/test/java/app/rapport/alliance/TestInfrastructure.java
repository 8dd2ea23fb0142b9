package app.rapport.alliance;

import app.rapport.devkit.testing.RapportServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL (database "alliance"), the real Kafka broker and the development token issuer. */
@QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
