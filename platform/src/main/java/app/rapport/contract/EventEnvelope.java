package app.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. The three Rapport extension attributes
 * ({@code organisationid}, {@code teamid}, {@code sensitivity}) let consumers route and filter
 * without opening the payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String organisationid,
        String teamid,
        String sensitivity,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /** The client the event is about; also the Kafka record key. */
    public UUID clientId() {
        return UUID.fromString(subject);
    }

    /** Reads the payload as the type the contract names for this event. */
    public <T> T dataAs(Class<T> payloadType) {
        return EventCodec.payload(this, payloadType);
    }
}
