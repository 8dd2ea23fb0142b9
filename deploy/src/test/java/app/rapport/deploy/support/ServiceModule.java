package app.rapport.deploy.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Rapport workload's own configuration says (its application.properties, and for the services the
 * platform's shared defaults): its HTTP and management ports, the events it publishes and consumes, what it cannot start without.
 */
public record ServiceModule(String name, Properties ownProperties, Properties platformDefaults) {

    /** Every workload the manifests deploy: the four services and the web client. */
    public static final List<String> WORKLOADS =
            List.of("client-service", "session-service", "alliance-service", "notification-service", "web-client");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    private static final String PLATFORM_DEFAULTS = "platform/src/main/resources/META-INF/microprofile-config.properties";

    public static List<ServiceModule> all() {
        return WORKLOADS.stream().map(ServiceModule::load).toList();
    }

    public static ServiceModule load(String name) {
        var file = Repository.path(name + "/src/main/resources/application.properties");
        Properties own;
        if (Files.exists(file)) {
            own = properties(Repository.read(name + "/src/main/resources/application.properties"));
        } else {
            // Only the web client may be absent (it lives on its own branch until merged): port 8080 is its
            // agreed default, configurable like every service's.
            if (!name.equals("web-client")) {
                throw new AssertionError("No configuration for " + name + " at " + file);
            }
            own = new Properties();
            own.setProperty("quarkus.http.port", "${RAPPORT_HTTP_PORT:8080}");
            own.setProperty("quarkus.management.port", "${RAPPORT_MANAGEMENT_PORT:9080}");
        }
        Properties platform = own.containsKey("rapport.events.source") ? properties(Repository.read(PLATFORM_DEFAULTS)) : new Properties();
        return new ServiceModule(name, own, platform);
    }

    /** The HTTP port the workload listens on, given the environment the manifests give it. */
    public int httpPort(Map<String, String> environment) {
        String expression = ownProperties.getProperty("quarkus.http.port");
        if (expression == null) {
            throw new AssertionError(name + " configures no quarkus.http.port");
        }
        return Integer.parseInt(resolve(expression, environment));
    }

    /** The management port (health, metrics, OpenAPI) the workload listens on, given the manifests' environment. */
    public int managementPort(Map<String, String> environment) {
        String expression = ownProperties.getProperty("quarkus.management.port");
        if (expression == null) {
            throw new AssertionError(name + " configures no quarkus.management.port");
        }
        return Integer.parseInt(resolve(expression, environment));
    }

    /** Services built on the platform use their own database and Kafka. */
    public boolean isPlatformService() {
        return ownProperties.containsKey("rapport.events.source");
    }

    public boolean publishesEvents() {
        return isPlatformService() && !"false".equals(ownProperties.getProperty("rapport.events.relay.enabled"));
    }

    public Optional<String> consumerGroup() {
        if (!"true".equals(ownProperties.getProperty("rapport.events.consumer.enabled"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(ownProperties.getProperty("rapport.events.consumer.group-id"));
    }

    public List<String> consumedTopics() {
        if (consumerGroup().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ownProperties.getProperty("rapport.events.consumer.topics", "").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * Environment variables named in the production configuration without a default ({@code ${NAME}}):
     * the workload does not start without them.
     */
    public Set<String> requiredEnvironment() {
        Set<String> required = new LinkedHashSet<>();
        for (Properties properties : List.of(platformDefaults, ownProperties)) {
            properties.stringPropertyNames().stream().filter(key -> !key.startsWith("%")).forEach(key -> {
                Matcher m = EXPRESSION.matcher(properties.getProperty(key));
                while (m.find()) {
                    if (m.group(2) == null && m.group(1).matches("[A-Z0-9_]+")) {
                        required.add(m.group(1));
                    }
                }
            });
        }
        return required;
    }

    private String resolve(String expression, Map<String, String> environment) {
        Matcher m = EXPRESSION.matcher(expression);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String value = environment.getOrDefault(m.group(1), m.group(2));
            if (value == null) {
                throw new AssertionError(name + ": " + m.group(1) + " is neither set nor defaulted");
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
