package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The workspace of generated images not kept yet ({@code platform.workspace.*}). */
@ConfigMapping(prefix = "platform.workspace")
public interface WorkspaceConfig {

    /** How long an unsaved workspace asset lives after its upload was requested (seed 002: 7 days). */
    @WithDefault("P7D")
    Duration expiry();

    /** How often expired assets (unsaved workspace assets, unpaid temporary uploads) are looked for. */
    @WithDefault("10m")
    Duration cleanupInterval();

    /** How many expired assets one cleanup batch removes at most. */
    @WithDefault("100")
    int cleanupBatchSize();
}
