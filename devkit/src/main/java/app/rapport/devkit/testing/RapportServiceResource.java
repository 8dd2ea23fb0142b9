package app.rapport.devkit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.SQLException;
import java.util.Map;

/**
 * Gives a service under test its real infrastructure: its own database on the shared PostgreSQL,
 * the shared Kafka broker, and the development token issuer's JWKS.
 *
 * <pre>{@code @QuarkusTestResource(value = RapportServiceResource.class, initArgs = @ResourceArg(name = "database", value = "clients"))}</pre>
 */
public class RapportServiceResource implements QuarkusTestResourceLifecycleManager {

    private String database = "rapport";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl;
        try {
            jdbcUrl = SharedInfrastructure.postgres().database(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", SharedInfrastructure.tokens().jwksUrl(),
                "mp.jwt.verify.issuer", SharedInfrastructure.tokens().issuer());
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; SharedInfrastructure stops everything at exit.
    }
}
