package app.rapport.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rendered overlay: every document both as typed fabric8 object and as the raw tree it came from. */
public final class Manifests {

    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One document of the rendering. */
    public record Manifest(JsonNode raw, HasMetadata typed) {
        public String kind() {
            return raw.path("kind").asText();
        }

        public String apiVersion() {
            return raw.path("apiVersion").asText();
        }

        public String name() {
            return raw.path("metadata").path("name").asText();
        }

        public String describe() {
            return kind() + " " + name();
        }
    }

    private final List<Manifest> manifests;

    private Manifests(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    public static Manifests parse(String yaml) {
        List<Manifest> parsed = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isEmpty()) {
                    continue;
                }
                KubernetesResource typed = SERIALIZATION.convertValue(document, KubernetesResource.class);
                if (!(typed instanceof HasMetadata object)) {
                    throw new AssertionError("Not a Kubernetes object: " + document);
                }
                parsed.add(new Manifest(document, object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rendered YAML does not parse", e);
        }
        return new Manifests(parsed);
    }

    public List<Manifest> all() {
        return manifests;
    }

    public <T extends HasMetadata> List<T> typed(Class<T> type) {
        return manifests.stream().map(Manifest::typed).filter(type::isInstance).map(type::cast).toList();
    }

    public List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).map(Manifest::raw).toList();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).map(Manifest::raw).findFirst();
    }

    public Optional<ConfigMap> configMap(String name) {
        return typed(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    public List<Deployment> deployments() {
        return typed(Deployment.class);
    }

    public Optional<Deployment> deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }
}
