package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The asset gauges on the management port ({@code platform.metrics.*}). */
@ConfigMapping(prefix = "platform.metrics")
public interface MetricsConfig {

    /** How often the asset counts and stored bytes are read from the database. */
    @WithDefault("30s")
    Duration refresh();
}
