package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Upload limits and the pending-upload cleanup ({@code platform.uploads.*}). */
@ConfigMapping(prefix = "platform.uploads")
public interface UploadConfig {

    /** Largest accepted image (JPEG, PNG, WebP, HEIC, AVIF). */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Largest accepted PDF. */
    @WithDefault("52428800")
    long maxPdfBytes();

    /**
     * Largest accepted video (MP4, QuickTime, WebM), always uploaded in parts. At most 5 GiB: confirm copies an
     * upload with one S3 CopyObject, which takes no more.
     */
    @WithDefault("1073741824")
    long maxVideoBytes();

    /** Images declaring more pixels than this are refused (decompression bombs). */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * A file larger than this is uploaded in parts (a multipart ticket) unless the client asks for one PUT; smaller
     * ones travel in one PUT unless the client asks for parts.
     */
    @WithDefault("16777216")
    long multipartThreshold();

    /**
     * The size of every part but the last of an upload in parts (S3's minimum is 5 MiB); larger when the file would
     * otherwise need more than S3's 10,000 parts.
     */
    @WithDefault("16777216")
    long partSize();

    /** A pending upload older than this is abandoned: the cleanup job removes its object and row. */
    @WithDefault("1h")
    Duration pendingTtl();

    /** How often abandoned uploads are looked for. */
    @WithDefault("5m")
    Duration cleanupInterval();

    /** How many abandoned uploads one cleanup batch removes at most. */
    @WithDefault("200")
    int cleanupBatchSize();

    /** How often prefixes that expired upload URLs could still have written under are deleted again. */
    @WithDefault("1m")
    Duration sweepInterval();

    /**
     * How long writing the objects of one backup or restore may take: a prefix leased for it is swept after
     * this, so it must be longer than copying the largest session ever takes.
     */
    @WithDefault("1h")
    Duration writeLease();

    /** Added to an upload URL's expiry before its prefix is swept: S3's clock may run behind ours. */
    @WithDefault("2m")
    Duration sweepGrace();

    /** How many prefixes one sweep batch deletes at most. */
    @WithDefault("100")
    int sweepBatchSize();

    /**
     * How long a temporary upload (one made for an order not paid yet) lives: the expiry job erases it then,
     * unless an order naming it was paid.
     */
    @WithDefault("24h")
    Duration temporaryTtl();

    /** Largest metadata document, as JSON. */
    @WithDefault("16384")
    int maxMetadataBytes();
}
