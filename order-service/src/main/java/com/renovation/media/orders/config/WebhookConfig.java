package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Users' webhooks: their limits, the delivery worker and its retries ({@code platform.webhooks.*}). */
@ConfigMapping(prefix = "platform.webhooks")
public interface WebhookConfig {

    /**
     * Allow http and private, loopback or otherwise internal targets. Never in production (SSRF): the local and
     * test profiles turn it on so a receiver on localhost can be used.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Endpoints one user may have at once. */
    @WithDefault("10")
    int maxEndpointsPerUser();

    /** A delivery not accepted within this time after its event is failed for good. */
    @WithDefault("24h")
    Duration retryWindow();

    /** The wait after the first failed attempt; doubled for each further one (±20% jitter), up to the maximum. */
    @WithDefault("30s")
    Duration backoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Connect and answer time allowed to a receiver per attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How often a replica looks for due deliveries. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How many deliveries one batch claims at most. */
    @WithDefault("20")
    int batchSize();

    /** How long claimed deliveries stay with the worker sending them (longer than a batch's requests take). */
    @WithDefault("5m")
    Duration lease();
}
