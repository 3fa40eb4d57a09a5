package com.renovation.media.messaging.config;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Configures the SmallRye channels of the service named by {@code quarkus.application.name} from the topic
 * registry: for each topic it consumes, {@code mp.messaging.incoming.<channel>.*} gets the Kafka connector, the
 * topic, the service's consumer group and its dead-letter topic. A service's application.properties states only
 * what is its own (e.g. a channel's concurrency); an application that is not one of the platform's services
 * (this module's tests) gets nothing. Ordinal 100, as the shared defaults: application.properties and the
 * environment override any of these.
 */
public class ConsumerChannelsConfig implements ConfigSourceFactory {

    static final int ORDINAL = 100;
    private static final String NAME = "platform topic registry";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue application = context.getValue("quarkus.application.name");
        Map<String, String> properties = application == null || application.getValue() == null ? Map.of()
                : PlatformService.named(application.getValue()).map(ConsumerChannelsConfig::properties)
                        .orElse(Map.of());
        return List.of(new PropertiesConfigSource(properties, NAME, ORDINAL));
    }

    /** The channel settings of every topic {@code service} consumes. */
    static Map<String, String> properties(PlatformService service) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Topic topic : service.consumes()) {
            String prefix = "mp.messaging.incoming." + topic.channel() + ".";
            properties.put(prefix + "connector", "smallrye-kafka");
            properties.put(prefix + "topic", topic.topicName());
            properties.put(prefix + "group.id", service.consumerGroup());
            properties.put(prefix + "dead-letter-queue.topic", service.deadLetter(topic));
        }
        return properties;
    }
}
