package app.rapport.platform.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which component schemas a document uses, following references from its operations through other schemas. */
final class SchemaReferences {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private SchemaReferences() {
    }

    static void dropUnused(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        // Accepts nulls: most schemas have no items, no additionalProperties, no not.
        Deque<Schema> pending = new LinkedList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> pending.add(p.getSchema()));
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> pending.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    addContent(pending, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        addContent(pending, response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> pending.add(h.getSchema()));
                        }
                    });
                }
            });
        });
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMA_REF) && used.add(ref.substring(SCHEMA_REF.length()))) {
                pending.add(components.get(ref.substring(SCHEMA_REF.length())));
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            pending.add(schema.getNot());
            for (var group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
        }
        components.keySet().stream().filter(name -> !used.contains(name)).toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static void addContent(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> pending.add(media.getSchema()));
        }
    }
}
