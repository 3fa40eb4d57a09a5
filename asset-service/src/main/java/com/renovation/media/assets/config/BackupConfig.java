package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Session backups ({@code platform.backups.*}). */
@ConfigMapping(prefix = "platform.backups")
public interface BackupConfig {

    /** How many backups of a session are kept; older ones are removed with their objects. */
    @WithDefault("30")
    int keep();

    /**
     * At most one daily backup of a session per period, and only if it changed since its newest backup. The job
     * looks every {@link #checkInterval()}, so a restart does not push the next backup a whole period away.
     */
    @WithDefault("P1D")
    Duration period();

    /** How often the daily job looks for sessions due. */
    @WithDefault("1h")
    Duration checkInterval();

    /** How many sessions one batch of the daily job backs up at most. */
    @WithDefault("10")
    int batchSize();
}
