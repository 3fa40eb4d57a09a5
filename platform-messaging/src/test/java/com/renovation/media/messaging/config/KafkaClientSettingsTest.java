package com.renovation.media.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void unsetOptionalSettingsAreDroppedSoKafkaKeepsItsDefaults() {
        Map<String, Object> collected = new HashMap<>();
        collected.put("bootstrap.servers", "kafka:9093");
        collected.put("security.protocol", "SASL_SSL");
        collected.put("sasl.mechanism", "SCRAM-SHA-512");
        collected.put("ssl.truststore.location", "");
        collected.put("ssl.truststore.password", " ");

        assertThat(KafkaClientSettings.withoutBlanks(collected)).containsOnlyKeys("bootstrap.servers",
                "security.protocol", "sasl.mechanism");
    }
}
