package app.rapport.contract;

import app.rapport.contract.client.ClientRegistered;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private static final UUID CLIENT = UUID.fromString("0b8f6a8e-5d0c-4a7e-9f61-2c4d8e1a3b57");

    private static EventEnvelope sample() {
        return EventCodec.envelope(EventType.CLIENT_REGISTERED, "/rapport/client-service", CLIENT, "org-1", "team-1",
                new ClientRegistered(CLIENT, "C-ABC123", "org-1", "team-1", "user-1"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEnvelopeSurvivesTheWire() {
        EventEnvelope original = sample();
        EventEnvelope read = EventCodec.parse(utf8(EventCodec.toJson(original)));

        assertEquals(original, read);
        assertEquals(CLIENT, read.clientId());
        assertEquals("personal", read.sensitivity());
        assertEquals(new ClientRegistered(CLIENT, "C-ABC123", "org-1", "team-1", "user-1"),
                read.dataAs(ClientRegistered.class));
    }

    @Test
    void eachEventGetsItsOwnId() {
        assertTrue(!sample().id().equals(sample().id()));
    }

    @Test
    void aPayloadOfTheWrongTypeIsRefusedAtThePublisher() {
        assertThrows(IllegalArgumentException.class, () -> EventCodec.envelope(EventType.CLIENT_REGISTERED,
                "/rapport/client-service", CLIENT, "org-1", "team-1", "not a payload"));
    }

    @Test
    void recordsThatAreNotRapportEventsAreRejectedWithTheReason() {
        String valid = EventCodec.toJson(sample());
        assertReason("empty record value", new byte[0]);
        assertReason("not a CloudEvents JSON envelope", utf8("{oops"));
        assertReason("specversion must be 1.0", utf8(valid.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")));
        assertReason("subject is not a client id", utf8(valid.replace(CLIENT.toString() + "\",\"time", "someone\",\"time")));
        assertReason("not a CloudEvents JSON envelope", utf8(valid.replace("{\"specversion\"", "{\"surprise\":1,\"specversion\"")));
        assertReason("time is missing", utf8(valid.replaceAll("\"time\":\"[^\"]+\",", "")));
    }

    @Test
    void aPayloadMissingARequiredFieldIsMalformed() {
        String json = EventCodec.toJson(sample()).replace("\"registeredBy\":\"user-1\"", "\"registeredBy\":null");
        EventEnvelope event = EventCodec.parse(utf8(json));
        MalformedEventException failure = assertThrows(MalformedEventException.class,
                () -> event.dataAs(ClientRegistered.class));
        assertTrue(failure.getMessage().contains("registeredBy is required"), failure.getMessage());
    }

    @Test
    void newerPublishersMayAddPayloadFields() {
        String json = EventCodec.toJson(sample()).replace("\"registeredBy\":\"user-1\"", "\"registeredBy\":\"user-1\",\"later\":true");
        assertEquals("user-1", EventCodec.parse(utf8(json)).dataAs(ClientRegistered.class).registeredBy());
    }

    private static void assertReason(String expected, byte[] record) {
        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> EventCodec.parse(record));
        assertTrue(failure.getMessage().contains(expected), "expected '" + expected + "' in: " + failure.getMessage());
    }
}
