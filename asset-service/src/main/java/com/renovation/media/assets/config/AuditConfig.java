package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit log's retention ({@code platform.audit.*}). */
@ConfigMapping(prefix = "platform.audit")
public interface AuditConfig {

    /** How long audit rows are kept. */
    @WithDefault("P365D")
    Duration retention();

    /** How often rows past the retention are removed. */
    @WithDefault("1h")
    Duration purgeInterval();

    /** How many rows one purge batch removes at most. */
    @WithDefault("5000")
    int purgeBatchSize();
}
