package com.renovation.media.variants.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** What variants are made and how ({@code platform.variants.*}). */
@ConfigMapping(prefix = "platform.variants")
public interface VariantConfig {

    /** Presets as {@code name:WIDTHxHEIGHT}, each a box the image is fitted into (never upscaled). */
    @WithDefault("thumbnail:300x200,optimized:1200x1200")
    List<String> presets();

    /** Formats made of every preset; avif only where an encoder (avifenc) is installed. */
    @WithDefault("jpeg,webp,avif")
    List<String> formats();

    /** Images with more pixels than this are refused from their header, before decoding. */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * Images whose decode is estimated (from the header) to need more heap than this are refused; see
     * ImageDecoder for the estimate. The default lets a 24 MP photo decode whole and two renders fit ~400 MB.
     */
    @WithDefault("201326592")
    long maxDecodeBytes();

    /** JPEGs with more scans than this are refused before decoding (progressive scan bombs). */
    @WithDefault("100")
    int maxJpegScans();

    /** A render (decode, resize, encode) still running after this is aborted and the source gets variant.failed. */
    @WithDefault("60s")
    Duration renderTimeout();

    /** Buckets catalog images may be read from (catalog.image.added naming any other bucket is refused). */
    @WithDefault("styles")
    List<String> catalogBuckets();

    /** Largest source file read into memory. */
    @WithDefault("52428800")
    long maxSourceBytes();

    /** Images processed at once by this replica (each holds a decoded image in memory). */
    @WithDefault("2")
    int concurrency();

    @WithDefault("box_lanczos3")
    String resizeMethod();
}
