package com.renovation.media.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The relay's producer starts from the service's shared Kafka settings, the ones every SmallRye channel gets. */
class OutboxRelaySettingsTest {

    @Test
    void theRelaysProducerGetsTheSharedBrokersTlsAndSaslSettings() {
        Map<String, Object> shared = Map.of(
                "bootstrap.servers", "kafka-1:9096",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"asset-service\" password=\"secret\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "ssl.truststore.password", "changeit",
                "ssl.truststore.type", "PKCS12",
                "group.id", "asset-service");

        Properties props = OutboxRelay.producerProperties(shared, "asset-service");

        shared.forEach((key, value) -> {
            if (!key.equals("group.id")) {
                assertThat(props).as(key).containsEntry(key, value);
            }
        });
        assertThat(props).as("a consumer's setting is not a producer's").doesNotContainKey("group.id");
        assertThat(props).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }
}
