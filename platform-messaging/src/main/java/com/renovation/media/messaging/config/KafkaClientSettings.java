package com.renovation.media.messaging.config;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The one set of Kafka client settings of a service: every {@code kafka.*} property and its environment form
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, ...), as Quarkus collects them for the
 * {@code default-kafka-broker}. SmallRye's connector applies them to every channel, its dead-letter producers
 * included; the outbox relay starts its own producer from them, so TLS and SASL reach every client at once.
 *
 * <p>Unset optional settings ({@code ${KAFKA_SSL_TRUSTSTORE_LOCATION:}}) arrive as blank strings, which Kafka
 * would take literally (a truststore at path ""), so blanks are dropped and Kafka's own defaults apply.
 */
@Singleton
public class KafkaClientSettings {

    @Produces
    @Singleton
    @Identifier("default-kafka-broker")
    public Map<String, Object> defaultKafkaBroker(Config config, ApplicationConfig application) {
        return withoutBlanks(new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application));
    }

    static Map<String, Object> withoutBlanks(Map<String, Object> settings) {
        Map<String, Object> kept = new HashMap<>(settings);
        kept.values().removeIf(value -> value == null || value instanceof String s && s.isBlank());
        return kept;
    }
}
