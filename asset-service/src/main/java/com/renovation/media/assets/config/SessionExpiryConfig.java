package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Erasure of inactive project sessions ({@code platform.sessions.*}). */
@ConfigMapping(prefix = "platform.sessions")
public interface SessionExpiryConfig {

    /** A project session without any change for this long is erased (the audit retention must be longer). */
    @WithDefault("P180D")
    Duration inactivity();

    /** How long before its erasure {@code session.expiring} announces it. */
    @WithDefault("P7D")
    Duration expiryWarning();

    /** How often inactive sessions are looked for. */
    @WithDefault("1h")
    Duration expiryInterval();

    /** How many sessions one batch warns about or erases at most. */
    @WithDefault("50")
    int expiryBatchSize();
}
