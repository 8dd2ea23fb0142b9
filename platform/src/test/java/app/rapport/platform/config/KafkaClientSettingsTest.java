package app.rapport.platform.config;

import app.rapport.platform.outbox.KafkaProducers;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientSettingsTest {

    private static final Map<String, Object> SCRAM = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.type", "PEM");

    @Test
    void keepsOnlyTheSecuritySettingsOfTheKafkaConfiguration() {
        Map<String, Object> kafkaConfig = new java.util.HashMap<>(SCRAM);
        kafkaConfig.put("bootstrap.servers", "broker:9093");
        kafkaConfig.put("health.enabled", "true");

        assertEquals(SCRAM, KafkaClientSettings.securityOnly(kafkaConfig));
    }

    @Test
    void theProducerUsesTheSecuritySettings() {
        // SASL without a login module cannot even build a client: proof that the settings reach it.
        Map<String, Object> saslWithoutLogin = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512");
        KafkaException refused = assertThrows(KafkaException.class,
                () -> KafkaProducers.idempotent("127.0.0.1:9", "settings-test", saslWithoutLogin).close());
        assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("JAAS"), rootCause(refused).toString());

        Map<String, Object> saslWithLogin = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SCRAM.get("sasl.jaas.config"));
        KafkaProducers.idempotent("127.0.0.1:9", "settings-test", saslWithLogin).close(java.time.Duration.ZERO);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
