package app.rapport.contract;

import app.rapport.contract.client.ClientRegistered;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events: CloudEvents type, topic, payload type and JSON Schema. Publishers and
 * consumers both test against this one list (see {@code schemas/} next to this class and
 * {@code asyncapi.yaml}).
 */
public enum EventType {
    CLIENT_REGISTERED("rapport.client.registered.v1", Topic.CLIENTS, ClientRegistered.class, Sensitivity.PERSONAL);

    private final String typeName;
    private final Topic topic;
    private final Class<?> payloadType;
    private final Sensitivity sensitivity;

    EventType(String typeName, Topic topic, Class<?> payloadType, Sensitivity sensitivity) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadType = payloadType;
        this.sensitivity = sensitivity;
    }

    public String typeName() {
        return typeName;
    }

    public Topic topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /** Classpath location of the JSON Schema for this event's {@code data}. */
    public String schemaResource() {
        return "/app/rapport/contract/schemas/" + typeName + ".schema.json";
    }

    public static Optional<EventType> fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
