package com.renovation.media.messaging;

import com.renovation.media.localstack.KafkaEngine;
import com.renovation.media.localstack.PlatformSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/**
 * A Kafka broker of this test run's own (real, KRaft), so a test can stop and restart it without disturbing the
 * shared test engines.
 */
public class DedicatedKafkaResource implements QuarkusTestResourceLifecycleManager {

    static KafkaEngine kafka;
    static PlatformSettings settings;

    @Override
    public Map<String, String> start() {
        try {
            settings = PlatformSettings.isolated(Files.createTempDirectory("dedicated-kafka"));
            kafka = new KafkaEngine(settings);
            kafka.start();
            return Map.of("kafka.bootstrap.servers", settings.kafkaBootstrap());
        } catch (Exception e) {
            throw new IllegalStateException("dedicated Kafka did not start", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    static String bootstrap() {
        return settings.kafkaBootstrap();
    }
}
