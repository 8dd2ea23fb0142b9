package app.rapport.devkit.testing;

import app.rapport.platform.inbox.EventHandler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The AsyncAPI document lists exactly the topics a consuming service subscribes to and the event types its handlers
 * act on. A service's {@code @QuarkusTest} subclass needs nothing more: the service, its consumer group and topics
 * come from its configuration, its handlers from its beans (looked up, not injected, so the subclass declares nothing).
 */
public abstract class AsyncApiConsumersTestBase {

    @Test
    void theDocumentNamesWhatThisServiceConsumes() {
        Config config = ConfigProvider.getConfig();
        String service = config.getValue("quarkus.application.name", String.class);
        String groupId = config.getValue("rapport.events.consumer.group-id", String.class);
        List<String> topics = config.getValues("rapport.events.consumer.topics", String.class);
        Map<String, Set<String>> implemented = AsyncApiConsumers.implemented(topics,
                CDI.current().select(EventHandler.class, Any.Literal.INSTANCE));
        assertFalse(implemented.values().stream().allMatch(Set::isEmpty), service + " handles events");
        assertEquals(implemented, AsyncApiConsumers.documented(groupId),
                "topics and event types of " + service + "'s receive operations in asyncapi.yaml (consumer group " + groupId + ")");
    }
}
