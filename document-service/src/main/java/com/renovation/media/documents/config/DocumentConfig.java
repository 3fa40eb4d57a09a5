package com.renovation.media.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rendering and retention of generated documents ({@code platform.documents.*}). */
@ConfigMapping(prefix = "platform.documents")
public interface DocumentConfig {

    /** How long a renderer owns a claimed row; after it, another replica may take the row over. */
    @WithDefault("5m")
    Duration renderLease();

    /** Renders tried before a document is reported failed (only failures a retry could fix are retried). */
    @WithDefault("3")
    int maxAttempts();

    /** Rows one render round claims. */
    @WithDefault("4")
    int renderBatchSize();

    /** Largest image object read into a report (variants and originals are capped at upload anyway). */
    @WithDefault("10485760")
    long maxImageBytes();

    /**
     * Image bytes one document may embed (40 MiB): a room report that reaches it shows no more images and
     * says so. Keeps every PDF under the 50 MB the schema allows and a render's output bounded.
     */
    @WithDefault("41943040")
    long maxDocumentImageBytes();

    /** Expired documents removed per cleanup round. */
    @WithDefault("100")
    int expiryBatchSize();

    /** How often a replica looks for documents to render (requests are also rendered as they arrive). */
    @WithDefault("2s")
    Duration renderPoll();

    /** How often expired documents are removed. */
    @WithDefault("5m")
    Duration expiryInterval();
}
