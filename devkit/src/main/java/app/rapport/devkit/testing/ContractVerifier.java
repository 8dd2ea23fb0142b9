package app.rapport.devkit.testing;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks events against the JSON Schemas in the contract module. Publishers run it on what they
 * emit; consumers run it on the samples they are tested with.
 */
public final class ContractVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    public static final String ENVELOPE_SCHEMA = "/app/rapport/contract/schemas/envelope.schema.json";

    private ContractVerifier() {
    }

    /** @return the problems found; empty when the raw record is a valid event of a known type */
    public static Set<String> problems(byte[] rawEnvelope) {
        try {
            JsonNode envelope = JSON.readTree(rawEnvelope);
            Set<String> problems = validate(ENVELOPE_SCHEMA, envelope);
            if (!problems.isEmpty()) {
                return problems;
            }
            String type = envelope.path("type").asText();
            return EventType.fromTypeName(type)
                    .map(t -> validate(t.schemaResource(), envelope.get("data")))
                    .orElse(Set.of("unknown event type " + type));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    public static Set<String> problems(EventType type, Object payload) {
        return validate(type.schemaResource(), app.rapport.contract.EventCodec.tree(payload));
    }

    public static Set<String> problems(EventEnvelope envelope) {
        return problems(app.rapport.contract.EventCodec.toJson(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Set<String> validate(String schemaResource, JsonNode node) {
        try (InputStream schema = EventType.class.getResourceAsStream(schemaResource)) {
            if (schema == null) {
                return Set.of("no schema at " + schemaResource);
            }
            JsonSchema compiled = SCHEMAS.getSchema(schema);
            return compiled.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
