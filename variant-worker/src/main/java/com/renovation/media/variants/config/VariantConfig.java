package com.renovation.media.variants.config;

import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.heif.HeifDecoder;
import io.quarkus.runtime.configuration.MemorySize;
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

    /** Formats made of every preset; jpeg and webp make a source ready, avif follows (see VariantFormat). */
    @WithDefault("jpeg,webp,avif")
    List<VariantFormat> formats();

    /** Images with more pixels than this are refused from their header, before decoding. */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_PIXELS)
    long maxPixels();

    /** JPEGs with more scans than this are refused before decoding (progressive scan bombs). */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_JPEG_SCANS)
    int maxJpegScans();

    /** A render (decode, resize, encode) still running after this is aborted and the source gets variant.failed. */
    @WithDefault("60s")
    Duration renderTimeout();

    /**
     * The HEIF decoder (HEIC, HEIF, AVIF sources): Debian's {@code heif-convert}, by path or by name on PATH. It
     * runs in a process of its own under an address-space cap sized from the pixels the file declares.
     */
    @WithDefault(HeifDecoder.DEFAULT_COMMAND)
    String heifDecoder();

    /** A HEIF decode still running after this is killed and the source refused (within render-timeout). */
    @WithDefault("30s")
    Duration heifDecodeTimeout();

    /**
     * The address space a HEIF decode gets beyond 10 bytes per declared pixel: libheif, its codecs and their
     * threads. dav1d (AV1) starts a thread per CPU it may run on: on hosts with many, this may need to grow.
     */
    @WithDefault("128M")
    MemorySize heifDecodeMemory();

    /** Buckets catalog images may be read from (catalog.image.added naming any other bucket is refused). */
    @WithDefault("styles")
    List<String> catalogBuckets();

    /** Largest source file read into memory. */
    @WithDefault("" + ImageProbe.DEFAULT_MAX_BYTES)
    long maxSourceBytes();

    /** Images processed at once by this replica (each holds its compressed source and the presets made so far in memory). */
    @WithDefault("2")
    int concurrency();

    /** One preset's box, in pixels. */
    interface Box {
        int maxWidth();

        int maxHeight();
    }
}
