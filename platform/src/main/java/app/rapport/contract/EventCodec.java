package app.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** Writes and reads envelopes exactly as they travel on the wire. */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Optional payload fields are left out when absent rather than written as null.
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
    /** Payload readers tolerate fields added by newer publishers of the same major version. */
    private static final ObjectMapper PAYLOAD_READER = JSON.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventCodec() {
    }

    /** Builds a new envelope with a fresh id around a payload from the contract. */
    public static EventEnvelope envelope(EventType type, String source, UUID clientId, String organisationId,
                                         String teamId, Object payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.typeName() + " carries " + type.payloadType().getSimpleName());
        }
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID(), source, type.typeName(),
                clientId.toString(), Instant.now(), EventEnvelope.CONTENT_TYPE, organisationId, teamId,
                type.sensitivity().label(), JSON.valueToTree(payload));
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Envelope could not be written", e);
        }
    }

    /** Reads and checks an envelope; anything that is not a well-formed Rapport event is rejected with the reason. */
    public static EventEnvelope parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty record value");
        }
        EventEnvelope envelope;
        try {
            envelope = JSON.readValue(bytes, EventEnvelope.class);
        } catch (IOException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + firstLine(e.getMessage()), e);
        }
        require(EventEnvelope.SPEC_VERSION.equals(envelope.specversion()), "specversion must be 1.0");
        require(envelope.id() != null, "id is missing");
        require(notBlank(envelope.source()), "source is missing");
        require(notBlank(envelope.type()), "type is missing");
        require(envelope.time() != null, "time is missing");
        require(envelope.data() != null && envelope.data().isObject(), "data must be a JSON object");
        require(notBlank(envelope.subject()), "subject (client id) is missing");
        try {
            UUID.fromString(envelope.subject());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("subject is not a client id: " + envelope.subject());
        }
        return envelope;
    }

    static <T> T payload(EventEnvelope envelope, Class<T> payloadType) {
        try {
            T payload = PAYLOAD_READER.treeToValue(envelope.data(), payloadType);
            if (payload instanceof ValidatedPayload validated) {
                validated.validate();
            }
            return payload;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(envelope.type() + " data does not match the contract: "
                    + firstLine(e.getMessage()), e);
        }
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedEventException(reason);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
