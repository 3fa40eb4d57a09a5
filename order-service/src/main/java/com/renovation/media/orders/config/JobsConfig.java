package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Processing jobs at the provider: attempts, retries, the deadline and the worker ({@code platform.jobs.*}). */
@ConfigMapping(prefix = "platform.jobs")
public interface JobsConfig {

    /** A job not ended this long after its order was paid fails (deadline_exceeded), whatever the provider says. */
    @WithDefault("30m")
    Duration deadline();

    /** Attempts at the provider before a job fails for good. */
    @WithDefault("3")
    int maxAttempts();

    /** The wait before a retry: this × 2^(attempt-1), ±20% jitter. */
    @WithDefault("30s")
    Duration backoff();

    /**
     * How long a claimed job stays with the worker that claimed it: longer than one batch's provider calls can
     * take (a create, a poll and a download, each bounded by platform.provider.request-timeout, per job). A worker
     * that dies leaves its jobs to another once it has passed.
     */
    @WithDefault("10m")
    Duration lease();

    /** How many due jobs one worker claims at once. */
    @WithDefault("8")
    int batchSize();

    /** How often the worker looks for due jobs. */
    @WithDefault("1s")
    Duration interval();

    /** Whether this replica runs the worker on its own (tests drive it themselves). */
    @WithDefault("true")
    boolean workerEnabled();
}
