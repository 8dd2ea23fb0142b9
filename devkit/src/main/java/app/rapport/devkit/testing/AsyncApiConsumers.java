package app.rapport.devkit.testing;

import app.rapport.contract.EventType;
import app.rapport.platform.inbox.EventHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a service consumes, two ways: as the AsyncAPI document describes it (its receive operations, told apart by the
 * Kafka consumer group in their bindings, each listing the messages it acts on) and as the service's code does it
 * (the topics it subscribes to and the event types its {@link EventHandler}s handle). A service test compares the two,
 * so the document cannot drift from the code.
 */
public final class AsyncApiConsumers {

    private static final String DOCUMENT = "app/rapport/contract/asyncapi.yaml";

    private AsyncApiConsumers() {
    }

    /** Topic address → CloudEvents types, as the AsyncAPI document's receive operations for the consumer group say. */
    public static Map<String, Set<String>> documented(String groupId) {
        JsonNode document = read();
        Map<String, Set<String>> consumed = new TreeMap<>();
        for (Iterator<JsonNode> operations = document.path("operations").elements(); operations.hasNext(); ) {
            JsonNode operation = operations.next();
            if (!operation.path("action").asText().equals("receive")
                    || !groupId.equals(operation.path("bindings").path("kafka").path("groupId").path("const").asText())) {
                continue;
            }
            JsonNode channel = resolve(document, operation.path("channel").path("$ref").asText());
            Set<String> types = consumed.computeIfAbsent(channel.path("address").asText(), topic -> new TreeSet<>());
            for (JsonNode message : operation.path("messages")) {
                types.add(resolve(document, resolve(document, message.path("$ref").asText()).path("$ref").asText())
                        .path("name").asText());
            }
        }
        return consumed;
    }

    /** Topic address → CloudEvents types, as the service subscribes and its handlers handle them. */
    public static Map<String, Set<String>> implemented(List<String> subscribedTopics, Iterable<EventHandler> handlers) {
        Map<String, Set<String>> consumed = new TreeMap<>();
        subscribedTopics.forEach(topic -> consumed.put(topic, new TreeSet<>()));
        for (EventHandler handler : handlers) {
            for (EventType type : handler.handles()) {
                // A type whose topic is not subscribed shows up under its topic, so the comparison names it.
                consumed.computeIfAbsent(type.topic().topicName(), topic -> new TreeSet<>()).add(type.typeName());
            }
        }
        return consumed;
    }

    /** Every receive operation's consumer group; each must belong to a service that really consumes. */
    public static List<String> documentedGroups() {
        List<String> groups = new ArrayList<>();
        read().path("operations").elements().forEachRemaining(operation -> {
            if (operation.path("action").asText().equals("receive")) {
                groups.add(operation.path("bindings").path("kafka").path("groupId").path("const").asText());
            }
        });
        return groups;
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("Not a local reference in " + DOCUMENT + ": " + ref);
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException(DOCUMENT + " refers to " + ref + ", which it does not define");
        }
        return node;
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiConsumers.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
