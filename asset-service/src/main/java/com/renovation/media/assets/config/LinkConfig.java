package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Share and download links ({@code platform.links.*}). */
@ConfigMapping(prefix = "platform.links")
public interface LinkConfig {

    /** How long a link works when its creator does not say. */
    @WithDefault("P7D")
    Duration defaultExpiry();

    /** The shortest lifetime a creator may ask for. */
    @WithDefault("PT1M")
    Duration minExpiry();

    /** The longest lifetime a creator may ask for: a forgotten link does not stay open for good. */
    @WithDefault("P30D")
    Duration maxExpiry();

    /** How many downloads a link allows when its creator does not say. */
    @WithDefault("10")
    int defaultMaxDownloads();

    /** The most downloads a creator may allow. */
    @WithDefault("1000")
    int maxDownloads();

    /** How many assets one link may name (a ZIP of more is better made from a collection). */
    @WithDefault("200")
    int maxAssets();

    /**
     * The address clients open links at ({@code <base>/d/<token>}), when it differs from the one the creator's
     * request came in on (behind a proxy or on a short domain).
     */
    Optional<String> publicBaseUrl();

    /** Lifetime of the signed URL a single-file link redirects to: fresh at each download, never handed out twice. */
    @WithDefault("5m")
    Duration redirectUrlTtl();
}
