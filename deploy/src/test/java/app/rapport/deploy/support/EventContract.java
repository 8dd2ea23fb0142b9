package app.rapport.deploy.support;

import app.rapport.contract.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The event contract from the platform module: topic constants, their AsyncAPI channels and publishers. */
public final class EventContract {

    private static final Pattern PUBLISHER = Pattern.compile("Published by ([a-z-]+)\\.");

    private EventContract() {
    }

    public static List<String> topics() {
        return Arrays.stream(Topic.values()).map(Topic::topicName).toList();
    }

    public static String deadLetterTopic(String consumerGroup) {
        return Topic.deadLetterTopic(consumerGroup);
    }

    /** Channel address to publishing service, as the AsyncAPI document states it. */
    public static Map<String, String> publishers() {
        Map<String, String> publishers = new LinkedHashMap<>();
        asyncApi().path("channels").forEach(channel -> {
            Matcher m = PUBLISHER.matcher(channel.path("description").asText());
            publishers.put(channel.path("address").asText(), m.find() ? m.group(1) : null);
        });
        return publishers;
    }

    public static Optional<String> topicPublishedBy(String service) {
        return publishers().entrySet().stream().filter(e -> service.equals(e.getValue())).map(Map.Entry::getKey).findFirst();
    }

    /** The topic constants and the AsyncAPI channels must name the same topics, or the contract contradicts itself. */
    public static List<String> inconsistencies() {
        var constants = new TreeSet<>(topics());
        var channels = new TreeSet<>(publishers().keySet());
        return constants.equals(channels) ? List.of()
                : List.of("Topic constants " + constants + " differ from the AsyncAPI channels " + channels);
    }

    private static JsonNode asyncApi() {
        try (InputStream in = Topic.class.getResourceAsStream("/app/rapport/contract/asyncapi.yaml")) {
            if (in == null) {
                throw new AssertionError("asyncapi.yaml is not on the classpath (platform module)");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
