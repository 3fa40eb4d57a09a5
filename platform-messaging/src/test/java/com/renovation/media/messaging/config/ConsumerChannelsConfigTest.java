package com.renovation.media.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ConsumerChannelsConfigTest {

    private static SmallRyeConfig configOf(Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new ConsumerChannelsConfig())
                .build();
    }

    private static long channelKeys(SmallRyeConfig config) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.")).count();
    }

    @Test
    void aServiceGetsTheTopicGroupAndDeadLetterTopicOfEachTopicItConsumes() {
        SmallRyeConfig config = configOf(Map.of("quarkus.application.name", "catalog-service"));

        assertThat(config.getValue("mp.messaging.incoming.variant-ready.connector", String.class))
                .isEqualTo("smallrye-kafka");
        assertThat(config.getValue("mp.messaging.incoming.variant-ready.topic", String.class))
                .isEqualTo("variant.ready");
        assertThat(config.getValue("mp.messaging.incoming.variant-ready.group.id", String.class))
                .isEqualTo("catalog-service");
        assertThat(config.getValue("mp.messaging.incoming.variant-ready.dead-letter-queue.topic", String.class))
                .isEqualTo("catalog-service.variant.ready.dlq");
        assertThat(config.getValue("mp.messaging.incoming.variant-failed.dead-letter-queue.topic", String.class))
                .isEqualTo("catalog-service.variant.failed.dlq");
        // variant-ready and variant-failed, four settings each: no channel of a topic catalog-service does not read
        assertThat(channelKeys(config)).isEqualTo(8);
    }

    @Test
    void aServicesOwnPropertiesStillOverrideTheRegistry() {
        SmallRyeConfig config = configOf(Map.of("quarkus.application.name", "variant-worker",
                "mp.messaging.incoming.asset-confirmed.dead-letter-queue.topic", "elsewhere.dlq"));

        assertThat(config.getValue("mp.messaging.incoming.asset-confirmed.dead-letter-queue.topic", String.class))
                .isEqualTo("elsewhere.dlq");
        assertThat(config.getValue("mp.messaging.incoming.catalog-image-added.dead-letter-queue.topic", String.class))
                .isEqualTo("variant-worker.catalog.image.added.dlq");
    }

    @Test
    void anApplicationThatIsNotAPlatformServiceGetsNoChannels() {
        assertThat(channelKeys(configOf(Map.of("quarkus.application.name", "messaging-it")))).isZero();
    }
}
