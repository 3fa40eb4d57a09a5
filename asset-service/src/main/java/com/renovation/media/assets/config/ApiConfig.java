package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Paging of the public API ({@code platform.api.*}). */
@ConfigMapping(prefix = "platform.api")
public interface ApiConfig {

    @WithDefault("20")
    int defaultPageSize();

    @WithDefault("100")
    int maxPageSize();
}
