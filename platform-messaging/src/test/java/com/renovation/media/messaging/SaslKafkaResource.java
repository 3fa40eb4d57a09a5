package com.renovation.media.messaging;

import com.renovation.media.localstack.KafkaEngine;
import com.renovation.media.localstack.PlatformSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/**
 * A private Kafka broker whose only client listener is SASL_PLAINTEXT (mechanism PLAIN) and knows one user,
 * {@link #USER}. The application is given that user with the password of the init arg {@code password}: the right
 * one, or a wrong one.
 */
public class SaslKafkaResource implements QuarkusTestResourceLifecycleManager {

    static final String USER = "messaging-it";
    static final String PASSWORD = "the-right-secret";

    static KafkaEngine kafka;
    static PlatformSettings settings;
    private String givenPassword;

    @Override
    public void init(Map<String, String> args) {
        givenPassword = args.getOrDefault("password", PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        try {
            settings = PlatformSettings.isolated(Files.createTempDirectory("sasl-kafka"));
            kafka = KafkaEngine.withSaslPlainUsers(settings, Map.of(USER, PASSWORD));
            kafka.start();
            return Map.of("kafka.bootstrap.servers", settings.kafkaBootstrap(),
                    "kafka.security.protocol", "SASL_PLAINTEXT",
                    "kafka.sasl.mechanism", "PLAIN",
                    "kafka.sasl.jaas.config", KafkaEngine.plainJaasConfig(USER, givenPassword));
        } catch (Exception e) {
            throw new IllegalStateException("the SASL Kafka broker did not start", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }
}
