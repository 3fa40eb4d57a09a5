package com.renovation.media.variants.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How videos are processed ({@code platform.videos.*}): the probe and poster run when {@code asset.confirmed}
 * arrives, the web MP4 in a bounded pool of transcodes that takes durable jobs from the database.
 */
@ConfigMapping(prefix = "platform.videos")
public interface VideoConfig {

    /**
     * Transcodes this replica runs at once; 0 makes none here (the replica still probes videos and makes their
     * posters, and other replicas take the jobs). Each uses every core of the replica.
     */
    @WithDefault("1")
    int concurrency();

    /** Longer videos are refused. */
    @WithDefault("10m")
    Duration maxDuration();

    /** Videos whose picture (stored or displayed) has more pixels are refused; the default is 4096×2160. */
    @WithDefault("8847360")
    long maxPixels();

    /** A source larger than this is not read (asset-service refuses larger uploads before). */
    @WithDefault("1G")
    MemorySize maxSourceSize();

    /** Address space each ffprobe or ffmpeg process may take ({@code prlimit --as}). */
    @WithDefault("2G")
    MemorySize memoryLimit();

    @WithDefault("30s")
    Duration probeTimeout();

    @WithDefault("60s")
    Duration posterTimeout();

    /** A transcode still running after this is killed, and counts as a failed attempt. */
    @WithDefault("30m")
    Duration transcodeTimeout();

    /** x264's speed/size trade-off for the web MP4 (README: why this one). */
    @WithDefault("veryfast")
    String x264Preset();

    /** Attempts a transcode gets (a failure or a worker lost on the way each count) before the video fails. */
    @WithDefault("3")
    int attempts();

    /**
     * How long a claimed job stays with its worker without a sign of life: renewed as ffmpeg reports progress and
     * between the steps, so a worker that died leaves its job to another one after this.
     */
    @WithDefault("5m")
    Duration lease();

    /** How often an idle transcode slot looks for jobs (besides being woken when one is queued). */
    @WithDefault("5s")
    Duration pollInterval();

    /** A web MP4 larger than this goes to S3 as a multipart upload (parts of 16 MiB), a smaller one in one PUT. */
    @WithDefault("64M")
    MemorySize multipartThreshold();

    /** Where videos are copied to while they are processed; by default a folder in the system's temp folder. */
    Optional<Path> workFolder();
}
