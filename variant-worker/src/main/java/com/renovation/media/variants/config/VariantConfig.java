package com.renovation.media.variants.config;

import com.renovation.media.variants.imaging.ImageDecoder;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.ResizeMethod;
import com.renovation.media.variants.imaging.VariantFormat;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What variants are made and how ({@code platform.variants.*}). The image limits default to the limits the
 * imaging classes enforce on their own, so each number is stated once.
 */
@ConfigMapping(prefix = "platform.variants")
public interface VariantConfig {

    /**
     * Variant sizes by name ({@code presets.<name>.max-width}, {@code .max-height}), each a box the image is
     * fitted into (never upscaled). A mapping cannot give a map default entries: the standard set is stated in
     * application.properties.
     */
    Map<String, Box> presets();

    /** Formats made of every preset; avif only where an encoder (avifenc) is installed. */
    @WithDefault("jpeg,webp,avif")
    List<VariantFormat> formats();

    /** Images with more pixels than this are refused from their header, before decoding. */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_PIXELS)
    long maxPixels();

    /**
     * Images whose decode is estimated (from the header) to need more heap than this are refused; see
     * ImageDecoder for the estimate. The default lets a 24 MP photo decode whole and two renders fit ~400 MB.
     */
    @WithDefault("" + ImageDecoder.DEFAULT_MAX_DECODE_BYTES)
    long maxDecodeBytes();

    /** JPEGs with more scans than this are refused before decoding (progressive scan bombs). */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_JPEG_SCANS)
    int maxJpegScans();

    /** A render (decode, resize, encode) still running after this is aborted and the source gets variant.failed. */
    @WithDefault("60s")
    Duration renderTimeout();

    /** Buckets catalog images may be read from (catalog.image.added naming any other bucket is refused). */
    @WithDefault("styles")
    List<String> catalogBuckets();

    /** Largest source file read into memory. */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_BYTES)
    long maxSourceBytes();

    /** Images processed at once by this replica (each holds a decoded image in memory). */
    @WithDefault("2")
    int concurrency();

    /**
     * How images are scaled down. Box + Lanczos3 is the default because bench/images/run.sh measured it both
     * faster than imgscalr and closer (PSNR) to a full Lanczos3 reference.
     */
    @WithDefault("box-lanczos3")
    ResizeMethod resizeMethod();

    /** One preset's box, in pixels. */
    interface Box {
        int maxWidth();

        int maxHeight();
    }
}
