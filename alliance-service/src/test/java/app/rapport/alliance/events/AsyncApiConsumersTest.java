package app.rapport.alliance.events;

import app.rapport.devkit.testing.AsyncApiConsumers;
import app.rapport.platform.inbox.EventHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The AsyncAPI document lists exactly the topics alliance-service subscribes to and the event types its handlers act on. */
@QuarkusTest
class AsyncApiConsumersTest {

    @ConfigProperty(name = "rapport.events.consumer.group-id")
    String groupId;

    @ConfigProperty(name = "rapport.events.consumer.topics")
    List<String> topics;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Test
    void theDocumentNamesWhatThisServiceConsumes() {
        var implemented = AsyncApiConsumers.implemented(topics, handlers);
        assertFalse(implemented.values().stream().allMatch(java.util.Set::isEmpty), "alliance-service handles events");
        assertEquals(implemented, AsyncApiConsumers.documented(groupId),
                "topics and event types of alliance-service's receive operations in asyncapi.yaml (consumer group " + groupId + ")");
    }
}
