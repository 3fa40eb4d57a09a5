package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Editable SVG artefacts and their exports ({@code platform.artefacts.*}). */
@ConfigMapping(prefix = "platform.artefacts")
public interface ArtefactConfig {

    /** The most UTF-8 bytes one version's SVG may have (5 MiB, the sanitiser's own limit). */
    @WithDefault("5242880")
    int maxContentBytes();

    /** How long an export stays downloadable after it was requested. */
    @WithDefault("PT24H")
    Duration exportTtl();

    /** How often expired exports are removed. */
    @WithDefault("5m")
    Duration exportExpiryInterval();

    /** Expired exports removed per batch. */
    @WithDefault("100")
    int exportExpiryBatchSize();
}
