package app.rapport.contract;

import app.rapport.contract.client.ClientRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas and the AsyncAPI document describe exactly what the code writes. */
class ContractDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonSchema schema(String resource) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource);
            return FACTORY.getSchema(in);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyEventTypeHasAPayloadSchema() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode schema = JSON.readTree(resource(type.schemaResource().substring("/app/rapport/contract/".length())));
            assertEquals("object", schema.path("type").asText(), type.typeName());
            assertFalse(schema.path("additionalProperties").asBoolean(true), type + " must list its fields");
        }
    }

    @Test
    void whatTheCodecWritesMatchesTheSchemas() throws IOException {
        UUID client = UUID.randomUUID();
        EventEnvelope event = EventCodec.envelope(EventType.CLIENT_REGISTERED, "/rapport/client-service", client,
                "org-1", "team-1", new ClientRegistered(client, "C-ABC123", "org-1", "team-1", "user-1"));
        JsonNode wire = JSON.readTree(EventCodec.toJson(event));

        assertEquals(Set.of(), messages(schema("/app/rapport/contract/schemas/envelope.schema.json").validate(wire)));
        assertEquals(Set.of(), messages(schema(EventType.CLIENT_REGISTERED.schemaResource()).validate(wire.get("data"))));
    }

    @Test
    void theSchemasRejectWhatTheyShould() throws IOException {
        JsonNode missingReference = JSON.readTree("""
                {"clientId":"0b8f6a8e-5d0c-4a7e-9f61-2c4d8e1a3b57","organisationId":"o","teamId":"t","registeredBy":"u"}""");
        assertFalse(schema(EventType.CLIENT_REGISTERED.schemaResource()).validate(missingReference).isEmpty());
        JsonNode withName = JSON.readTree("""
                {"clientId":"0b8f6a8e-5d0c-4a7e-9f61-2c4d8e1a3b57","clientReference":"C-ABC123","organisationId":"o",
                 "teamId":"t","registeredBy":"u","givenName":"Leaked"}""");
        assertFalse(schema(EventType.CLIENT_REGISTERED.schemaResource()).validate(withName).isEmpty(),
                "fields outside the contract (such as names) are refused");
    }

    @Test
    void theAsyncApiDocumentNamesEveryTopicAndEventType() throws IOException {
        String asyncApi = resource("asyncapi.yaml");
        for (Topic topic : Topic.values()) {
            assertTrue(asyncApi.contains("address: " + topic.topicName()), topic.topicName());
        }
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains("name: " + type.typeName()), type.typeName());
            assertTrue(asyncApi.contains("./schemas/" + type.typeName() + ".schema.json"), type.typeName());
        }
    }

    private static Set<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).collect(java.util.stream.Collectors.toSet());
    }
}
