package com.renovation.media.variants.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * The worker's {@link VariantConfig} as the service reads it (application.properties, then the test's overrides),
 * without starting Quarkus.
 */
public final class VariantConfigs {

    private VariantConfigs() {
    }

    public static VariantConfig with(Map<String, String> overrides) {
        URL shipped = VariantConfigs.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withMapping(VariantConfig.class)
                    // as Quarkus reads durations: "60s", "300ms"
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                    .withSources(new PropertiesConfigSource(shipped, 250))
                    .withSources(new PropertiesConfigSource(overrides, "test overrides", 400))
                    .build()
                    .getConfigMapping(VariantConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
