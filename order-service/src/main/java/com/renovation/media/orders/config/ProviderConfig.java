package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * The processing provider's Replicate-style API ({@code platform.provider.*}). Base URL and token have no default
 * outside the local and test profiles: the service does not start without them.
 */
@ConfigMapping(prefix = "platform.provider")
public interface ProviderConfig {

    /** Where the API is; an output is downloaded only from this origin (scheme, host and port). */
    URI baseUrl();

    /** Sent as {@code Authorization: Bearer <token>}. */
    String token();

    /** The longest one request to the provider may take (a provider that never answers fails the attempt). */
    @WithDefault("30s")
    Duration requestTimeout();

    /** How often a running prediction is asked for its status. */
    @WithDefault("2s")
    Duration pollInterval();

    /** The largest output accepted. */
    @WithDefault("52428800")
    long maxOutputBytes();

    /** Outputs declaring more pixels than this are refused (a decompression bomb). */
    @WithDefault("50000000")
    long maxOutputPixels();

    /** How long the presigned URL the provider fetches the original from stays valid. */
    @WithDefault("1h")
    Duration inputUrlTtl();
}
