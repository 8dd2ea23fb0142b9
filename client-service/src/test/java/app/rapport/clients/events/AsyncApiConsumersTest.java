package app.rapport.clients.events;

import app.rapport.devkit.testing.AsyncApiConsumers;
import app.rapport.platform.inbox.EventHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * client-service publishes and consumes nothing, so the AsyncAPI document gives it no receive operation; and every
 * receive operation there belongs to one of the services (each of which checks its own in the same way).
 */
@QuarkusTest
class AsyncApiConsumersTest {

    @ConfigProperty(name = "rapport.events.consumer.enabled", defaultValue = "false")
    boolean consuming;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Test
    void clientServiceConsumesNothingAndTheDocumentSaysSo() {
        assertEquals(false, consuming, "client-service runs no consumer");
        assertEquals(Map.of(), AsyncApiConsumers.implemented(List.of(), handlers), "client-service has no event handlers");
        assertEquals(Map.of(), AsyncApiConsumers.documented("client-service"));
    }

    @Test
    void everyReceiveOperationBelongsToAService() {
        List<String> groups = AsyncApiConsumers.documentedGroups();
        assertTrue(Set.of("session-service", "alliance-service", "notification-service").containsAll(groups),
                "consumer groups of asyncapi.yaml's receive operations: " + groups);
        assertEquals(Set.of("session-service", "alliance-service", "notification-service"), Set.copyOf(groups),
                "every consuming service has receive operations");
    }
}
