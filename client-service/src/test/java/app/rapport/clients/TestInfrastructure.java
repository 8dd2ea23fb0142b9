package app.rapport.clients;

import app.rapport.devkit.testing.RapportServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL (database "clients"), the real Kafka broker and the development token issuer for every test here. */
@QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "clients"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
