package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live channel, {@code GET /events} ({@code platform.live.*}). */
@ConfigMapping(prefix = "platform.live")
public interface LiveConfig {

    /**
     * How long events are kept, so a browser that lost its connection resumes with {@code Last-Event-ID} without
     * losing any; one resuming from further back is told to reload ({@code stream.reset}).
     */
    @WithDefault("1h")
    Duration retention();

    /** A comment line this often keeps proxies from closing an idle stream; each stream also looks for missed events. */
    @WithDefault("15s")
    Duration heartbeat();

    /** How many streams one user may hold open on one replica (tabs, devices); one more is answered 429. */
    @WithDefault("8")
    int maxStreamsPerUser();

    /** How many events one read of a stream takes at most. */
    @WithDefault("100")
    int batchSize();

    /** How often events past their retention are removed. */
    @WithDefault("5m")
    Duration purgeInterval();

    @WithDefault("1000")
    int purgeBatchSize();
}
