package com.renovation.media.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The catalog's public URLs, limits and seeding ({@code platform.catalog.*}). */
@ConfigMapping(prefix = "platform.catalog")
public interface CatalogConfig {

    /** Where anonymous clients read the public {@code styles} bucket; an object's URL is this + "/" + key. */
    @WithDefault("${platform.storage.public-endpoint}/styles")
    String publicBaseUrl();

    /** Apply the seed manifest when the service starts. */
    @WithDefault("true")
    boolean seedOnStart();

    /** The seed manifest: a classpath resource, or a file with a {@code file:} prefix. */
    @WithDefault("seed/catalog.json")
    String seedManifest();

    /** Largest accepted style image (JPEG, PNG, WebP). */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Style images declaring more pixels than this are refused (decompression bombs), as users' uploads are. */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * A declared upload not confirmed within this time is abandoned: the cleanup removes its row and staged
     * objects, and any staged object older than this.
     */
    @WithDefault("1h")
    Duration pendingUploadTtl();

    /** How often abandoned uploads and stale staged objects are looked for. */
    @WithDefault("5m")
    Duration cleanupInterval();

    /** How many abandoned uploads one cleanup batch removes at most. */
    @WithDefault("200")
    int cleanupBatchSize();

    /** {@code Cache-Control: public, max-age} of the public read API. */
    @WithDefault("60s")
    Duration cacheMaxAge();
}
