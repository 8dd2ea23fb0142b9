package app.rapport.platform.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka client of a service authenticates and encrypts: the {@code kafka.*} settings
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_TRUSTSTORE_*} in the environment), which Quarkus' health check already uses and the
 * outbox relay, consumer and dead-letter producer must use too. Nothing set means plaintext, as locally.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    public Map<String, Object> security() {
        return securityOnly(kafkaConfig);
    }

    /** Keeps the security settings; the rest of {@code kafka.*} (bootstrap servers, health) is set elsewhere. */
    static Map<String, Object> securityOnly(Map<String, Object> kafkaConfig) {
        Map<String, Object> security = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                security.put(key, value);
            }
        });
        return security;
    }
}
