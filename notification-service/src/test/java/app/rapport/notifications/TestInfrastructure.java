package app.rapport.notifications;

import app.rapport.devkit.testing.RapportServiceResource;
import app.rapport.notifications.support.SmtpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL (database "notifications"), the real Kafka broker, the development token issuer and an SMTP server. */
@QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpServer.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
