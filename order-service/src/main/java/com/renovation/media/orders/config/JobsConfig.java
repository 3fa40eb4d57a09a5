package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Processing jobs at the provider ({@code platform.jobs.*}): one per item of a paid order. */
@ConfigMapping(prefix = "platform.jobs")
public interface JobsConfig {

    /** A job not ended this long after the payment fails (deadline_exceeded), whatever the provider says. */
    @WithDefault("30m")
    Duration deadline();

    /** Attempts at the provider before a job fails. */
    @WithDefault("3")
    int maxAttempts();

    /** The wait before the second attempt; each further one doubles it (with jitter). */
    @WithDefault("30s")
    Duration backoff();
}
