package app.rapport.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxRelayTest {

    @Test
    void backoffDoublesFromAFifthOfASecondAndStopsAtTenSeconds() {
        assertEquals(Duration.ofMillis(200), OutboxRelay.backoff(1));
        assertEquals(Duration.ofMillis(400), OutboxRelay.backoff(2));
        assertEquals(Duration.ofMillis(6400), OutboxRelay.backoff(6));
        assertEquals(Duration.ofSeconds(10), OutboxRelay.backoff(7));
        assertEquals(Duration.ofSeconds(10), OutboxRelay.backoff(500));
    }
}
