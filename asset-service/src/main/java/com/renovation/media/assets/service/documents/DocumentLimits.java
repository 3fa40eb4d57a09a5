package com.renovation.media.assets.service.documents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of document requests and the projection's expiry job ({@code platform.documents.*}). */
@ConfigMapping(prefix = "platform.documents")
public interface DocumentLimits {

    /** Most checklist items, plan sections, estimate lines, or report images in one document. */
    @WithDefault("500")
    int maxItems();

    /** How often expired documents leave the projection. */
    @WithDefault("5m")
    Duration expiryInterval();

    /** Expired rows removed per round. */
    @WithDefault("100")
    int expiryBatchSize();
}
