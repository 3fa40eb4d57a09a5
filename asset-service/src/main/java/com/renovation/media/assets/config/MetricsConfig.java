package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The stored-content gauges ({@code platform.metrics.*}). */
@ConfigMapping(prefix = "platform.metrics")
public interface MetricsConfig {

    /** How often the gauges are recomputed; read by AssetMetrics' {@code @Scheduled} expression. */
    @WithDefault("30s")
    Duration refresh();
}
